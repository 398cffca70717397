package dev.openfactor.platform.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * API keys read {@code ofk_<id>_<secret>}: the id (lowercase letters and digits) finds the row,
 * the 256-bit secret (base64url) is checked against its SHA-256. A fast hash is enough because
 * the secret is random, not a password.
 */
public final class ApiKeyFormat {

    private static final String PREFIX = "ofk_";
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int ID_LENGTH = 16;
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    public record Parsed(String keyId, String secret) {
        @Override
        public String toString() {
            return "ApiKey[" + keyId + "]";
        }
    }

    static String newKeyId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String format(String keyId, String secret) {
        return PREFIX + keyId + "_" + secret;
    }

    public static Optional<Parsed> parse(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = presented.indexOf('_', PREFIX.length());
        if (separator < 0 || separator == PREFIX.length() || separator == presented.length() - 1) {
            return Optional.empty();
        }
        String keyId = presented.substring(PREFIX.length(), separator);
        if (!keyId.chars().allMatch(c -> ID_ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(keyId, presented.substring(separator + 1)));
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
