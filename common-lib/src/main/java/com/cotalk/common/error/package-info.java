@NullMarked
package com.cotalk.common.error;

import org.jspecify.annotations.NullMarked;
