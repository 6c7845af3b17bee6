/**
 * friend-service: friend requests, friendships and blocks, and the friend list with
 * profiles and the online flag. One package per feature: {@code request},
 * {@code friendship}, {@code block}, {@code relation} (the internal API), with
 * {@code profile}, {@code presence}, {@code pair} and {@code event} beneath them.
 */
@NullMarked
package com.cotalk.friend;

import org.jspecify.annotations.NullMarked;
