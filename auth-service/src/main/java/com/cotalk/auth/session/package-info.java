@NullMarked
package com.cotalk.auth.session;

import org.jspecify.annotations.NullMarked;
