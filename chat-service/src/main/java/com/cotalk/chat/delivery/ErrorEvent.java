package com.cotalk.chat.delivery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import com.cotalk.common.error.FieldViolation;

/**
 * What a rejected {@code SEND} gets on {@code /user/queue/errors}; {@code code} as the
 * REST API's, {@code errors} only for {@code VALIDATION_FAILED}.
 */
record ErrorEvent(String type, String code, String message, @Nullable String clientMsgId, @Nullable String receiptId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldViolation> errors) {

	static ErrorEvent of(String code, String message, @Nullable String clientMsgId, @Nullable String receiptId,
			List<FieldViolation> errors) {
		return new ErrorEvent("error", code, message, clientMsgId, receiptId, errors);
	}

}
