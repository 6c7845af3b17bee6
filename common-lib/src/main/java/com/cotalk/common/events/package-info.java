@NullMarked
package com.cotalk.common.events;

import org.jspecify.annotations.NullMarked;
