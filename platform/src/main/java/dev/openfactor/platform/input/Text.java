package dev.openfactor.platform.input;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A string from a request body that passes {@link TextRules}: no control characters, valid
 * Unicode, at most {@link #maxBytes()} UTF-8 bytes (use a constant of {@link InputLimits}).
 * A failure is the usual 400 {@code validation_failed} naming the field.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface Text {

    int maxBytes();

    String message() default "must be text without control characters, within its length";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
