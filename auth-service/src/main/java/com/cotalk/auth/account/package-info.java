@NullMarked
package com.cotalk.auth.account;

import org.jspecify.annotations.NullMarked;
