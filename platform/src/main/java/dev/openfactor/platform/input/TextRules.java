package dev.openfactor.platform.input;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;

/**
 * The rule every string a client sends must pass before it is stored or looked up: no control
 * characters (PostgreSQL refuses NUL outright; the others have no business in an id, a label or
 * a code and make logs lie), valid Unicode, and at most a number of UTF-8 bytes. The messages
 * never repeat the value: it may be a secret.
 */
public final class TextRules {

    public static final String CONTROL_CHARACTER = "must not contain control characters";
    public static final String NOT_UNICODE = "must be valid Unicode text";

    private TextRules() {
    }

    /** What is wrong with {@code value}, or empty if it passes; null passes (required-ness is another rule). */
    public static Optional<String> problem(String value, int maxBytes) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(CONTROL_CHARACTER);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(NOT_UNICODE);
            }
        }
        // Cheap bound first: a string of n chars is at most 3n bytes in UTF-8.
        if ((long) value.length() * 3 > maxBytes && value.getBytes(UTF_8).length > maxBytes) {
            return Optional.of(tooLong(maxBytes));
        }
        return Optional.empty();
    }

    public static boolean passes(String value, int maxBytes) {
        return problem(value, maxBytes).isEmpty();
    }

    static String tooLong(int maxBytes) {
        return "must be at most " + maxBytes + " bytes (UTF-8)";
    }
}
