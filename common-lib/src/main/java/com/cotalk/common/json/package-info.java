@NullMarked
package com.cotalk.common.json;

import org.jspecify.annotations.NullMarked;
