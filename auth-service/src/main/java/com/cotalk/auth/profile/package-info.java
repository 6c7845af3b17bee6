@NullMarked
package com.cotalk.auth.profile;

import org.jspecify.annotations.NullMarked;
