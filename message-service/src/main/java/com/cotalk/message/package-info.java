@NullMarked
package com.cotalk.message;

import org.jspecify.annotations.NullMarked;
