@NullMarked
package com.cotalk.common.security;

import org.jspecify.annotations.NullMarked;
