/**
 * Searching the text of the messages in the caller's current rooms for any substring of
 * two or more characters, Korean included, through the bigram index of migration V2.
 */
@NullMarked
package com.cotalk.message.search;

import org.jspecify.annotations.NullMarked;
