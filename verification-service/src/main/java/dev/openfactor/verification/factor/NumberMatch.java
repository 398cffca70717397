package dev.openfactor.verification.factor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** The two-digit number the sign-in page shows and the user types into the app. */
public final class NumberMatch {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NumberMatch() {
    }

    /** 10 to 99: always two digits, no leading zero to misread. */
    public static String next() {
        return Integer.toString(10 + RANDOM.nextInt(90));
    }

    public static boolean matches(String expected, String typed) {
        return typed != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                typed.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
