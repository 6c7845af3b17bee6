@NullMarked
package com.cotalk.common.presence;

import org.jspecify.annotations.NullMarked;
