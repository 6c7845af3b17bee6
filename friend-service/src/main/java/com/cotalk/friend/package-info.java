@NullMarked
package com.cotalk.friend;

import org.jspecify.annotations.NullMarked;
