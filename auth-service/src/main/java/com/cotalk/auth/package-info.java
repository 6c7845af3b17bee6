@NullMarked
package com.cotalk.auth;

import org.jspecify.annotations.NullMarked;
