@NullMarked
package com.cotalk.common.redis;

import org.jspecify.annotations.NullMarked;
