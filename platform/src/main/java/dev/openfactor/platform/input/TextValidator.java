package dev.openfactor.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}; the message says which rule failed (never the value). */
public class TextValidator implements ConstraintValidator<Text, String> {

    private int maxBytes;

    @Override
    public void initialize(Text annotation) {
        this.maxBytes = annotation.maxBytes();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return TextRules.problem(value, maxBytes).map(message -> {
            context.disableDefaultConstraintViolation();
            // The template is one of our constant messages, never client input.
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
