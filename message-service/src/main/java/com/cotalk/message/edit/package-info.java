/**
 * Editing and deleting a stored message for everyone, by its sender: the row changes (a
 * deleted message loses its text for good), then the room hears of it on its channel.
 */
@NullMarked
package com.cotalk.message.edit;

import org.jspecify.annotations.NullMarked;
