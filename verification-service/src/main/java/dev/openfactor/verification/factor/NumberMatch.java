package dev.openfactor.verification.factor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** The number the sign-in page shows and the user types into the app (two digits by default). */
public final class NumberMatch {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NumberMatch() {
    }

    /** {@code digits} digits without a leading zero to misread: 10 to 99 for two. */
    public static String next(int digits) {
        int low = (int) Math.pow(10, digits - 1);
        return Integer.toString(low + RANDOM.nextInt(9 * low));
    }

    public static boolean matches(String expected, String typed) {
        return typed != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                typed.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
