package com.cotalk.auth.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Length in UTF-8 bytes, not characters: bcrypt reads at most 72 bytes, and a longer
 * password is refused rather than silently truncated.
 */
@Documented
@Constraint(validatedBy = Utf8Length.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface Utf8Length {

	int min();

	int max();

	String message() default "must be between {min} and {max} bytes in UTF-8";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Utf8Length, String> {

		private int min;

		private int max;

		@Override
		public void initialize(Utf8Length annotation) {
			this.min = annotation.min();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			int bytes = value.getBytes(StandardCharsets.UTF_8).length;
			return bytes >= this.min && bytes <= this.max;
		}

	}

}
