@NullMarked
package com.cotalk.chat.writebehind;

import org.jspecify.annotations.NullMarked;
