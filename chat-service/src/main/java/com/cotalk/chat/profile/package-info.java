/** Other users' profiles and existence, from user-service, cached briefly in process. */
@NullMarked
package com.cotalk.chat.profile;

import org.jspecify.annotations.NullMarked;
