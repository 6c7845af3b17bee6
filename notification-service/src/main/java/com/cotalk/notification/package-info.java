@NullMarked
package com.cotalk.notification;

import org.jspecify.annotations.NullMarked;
