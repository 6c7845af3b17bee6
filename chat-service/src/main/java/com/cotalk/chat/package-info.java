@NullMarked
package com.cotalk.chat;

import org.jspecify.annotations.NullMarked;
