@NullMarked
package com.cotalk.auth.key;

import org.jspecify.annotations.NullMarked;
