package dev.openfactor.platform.otp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static java.nio.charset.StandardCharsets.US_ASCII;

/** RFC 4226: HMAC of the 8-byte counter, dynamic truncation, modulo 10^digits. */
public final class Hotp {

    private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

    private Hotp() {
    }

    public static String generate(byte[] secret, long counter, int digits, OtpAlgorithm algorithm) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6 to 8");
        }
        byte[] hash = hmac(secret, counter, algorithm);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** Compares in constant time (the lengths are public: the credential fixes them). */
    public static boolean matches(String expected, String presented) {
        if (presented == null || presented.length() != expected.length()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(US_ASCII), presented.getBytes(US_ASCII));
    }

    private static byte[] hmac(byte[] secret, long counter, OtpAlgorithm algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm.mac());
            mac.init(new SecretKeySpec(secret, algorithm.mac()));
            return mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.mac() + " is missing from this JVM", e);
        }
    }
}
