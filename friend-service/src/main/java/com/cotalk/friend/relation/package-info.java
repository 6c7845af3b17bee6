/** The internal API other services read relations through. */
@NullMarked
package com.cotalk.friend.relation;

import org.jspecify.annotations.NullMarked;
