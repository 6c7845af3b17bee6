package com.cotalk.friend.block;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/blocks")
class BlockController {

	private final BlockService blocks;

	BlockController(BlockService blocks) {
		this.blocks = blocks;
	}

	@PutMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void block(AuthenticatedUser caller, @PathVariable UUID userId) {
		this.blocks.blockUser(caller.id(), userId);
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unblock(AuthenticatedUser caller, @PathVariable UUID userId) {
		this.blocks.unblockUser(caller.id(), userId);
	}

	/** Newest first. */
	@GetMapping
	BlockListResponse listBlocks(AuthenticatedUser caller) {
		return new BlockListResponse(this.blocks.listBlocks(caller.id()));
	}

}
