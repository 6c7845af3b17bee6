package com.cotalk.common.error;

/** One entry of a problem's {@code errors} list. */
public record FieldViolation(String field, String message) {
}
