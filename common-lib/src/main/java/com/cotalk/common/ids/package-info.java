@NullMarked
package com.cotalk.common.ids;

import org.jspecify.annotations.NullMarked;
