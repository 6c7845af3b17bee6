@NullMarked
package com.cotalk.common.openapi;

import org.jspecify.annotations.NullMarked;
