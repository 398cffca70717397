package dev.openfactor.platform.otp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A short-lived numeric code kept as SHA-256(salt || code). Activation, phone and sign-in codes live
 * minutes and die after a few wrong tries, so the online guess budget, not hashing cost, is
 * what protects them; the hash only keeps a database reader from reusing a live code.
 */
public record HashedCode(String salt, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static HashedCode of(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new HashedCode(Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(digest(salt, code)));
    }

    /** Compared in constant time. */
    public boolean matches(String code) {
        if (code == null) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(hash);
        return MessageDigest.isEqual(expected, digest(Base64.getDecoder().decode(salt), code));
    }

    /** {@code digits} decimal digits from a CSPRNG, leading zeros kept. */
    public static String randomDigits(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    private static byte[] digest(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.replace(" ", "").getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "HashedCode[redacted]";
    }
}
