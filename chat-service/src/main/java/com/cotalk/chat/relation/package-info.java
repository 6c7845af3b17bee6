/** Whether two users may talk: friend-service's block check, cached briefly. */
@NullMarked
package com.cotalk.chat.relation;

import org.jspecify.annotations.NullMarked;
