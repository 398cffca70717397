package dev.openfactor.platform.otp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * The stored half of a set of long-lived one-time codes (recovery codes): one salt for the set
 * and one PBKDF2-HMAC-SHA256 hash per code, with the algorithm and iteration count beside them so
 * the cost can be raised later while sets hashed at the old cost keep working.
 * <p>
 * One salt per set, not per code, is what keeps a check at one KDF run however many codes the set
 * holds: the candidate is derived once and compared with every stored hash. The salt still stops
 * precomputation across sets and users, which is all a per-code salt would add here.
 * <p>
 * {@code kdf} absent means the legacy format, SHA-256(salt ‖ code): read for sets issued before the
 * KDF, never written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecoveryCodeHashes(String kdf, Integer iterations, String salt, List<String> hashes) {

    public static final String PBKDF2_SHA256 = "pbkdf2-sha256";
    /** OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    /** A stored count above this is refused rather than run: one check must stay bounded. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Hashes {@code codes} under a fresh salt at the current cost: one KDF run per code. */
    public static RecoveryCodeHashes of(List<String> codes) {
        return of(codes, ITERATIONS);
    }

    public static RecoveryCodeHashes of(List<String> codes, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        List<String> hashes = codes.stream()
                .map(code -> encode(Pbkdf2.sha256(normalize(code).toCharArray(), salt, iterations, HASH_BYTES)))
                .toList();
        return new RecoveryCodeHashes(PBKDF2_SHA256, iterations, encode(salt), hashes);
    }

    /** Canonical form of a code as typed: upper case, without the group separator and spaces. */
    public static String normalize(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The stored hash {@code candidate} matches, if any: one KDF run with the parameters stored
     * here, then a constant-time comparison with every hash of the set (no early exit). The hash
     * names the code without revealing it, so it serves as the key that spends the code once.
     */
    public Optional<String> match(String candidate) {
        if (candidate == null || salt == null || hashes == null) {
            return Optional.empty();
        }
        Optional<byte[]> derived = derive(normalize(candidate), Base64.getDecoder().decode(salt));
        if (derived.isEmpty()) {
            return Optional.empty();
        }
        String matched = null;
        for (String stored : hashes) {
            if (MessageDigest.isEqual(derived.get(), Base64.getDecoder().decode(stored))) {
                matched = stored;
            }
        }
        return Optional.ofNullable(matched);
    }

    /** True for sets hashed with the single SHA-256 of the first releases. */
    public boolean legacy() {
        return kdf == null;
    }

    private Optional<byte[]> derive(String code, byte[] saltBytes) {
        if (legacy()) {
            return Optional.of(legacySha256(saltBytes, code));
        }
        if (!PBKDF2_SHA256.equals(kdf) || iterations == null || iterations < 1 || iterations > MAX_ITERATIONS) {
            return Optional.empty();
        }
        return Optional.of(Pbkdf2.sha256(code.toCharArray(), saltBytes, iterations, HASH_BYTES));
    }

    /** Legacy, read only: SHA-256(salt ‖ code in canonical form). */
    private static byte[] legacySha256(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.getBytes(US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "RecoveryCodeHashes[" + (legacy() ? "legacy-sha256" : kdf + ", i=" + iterations) + ", "
                + (hashes == null ? 0 : hashes.size()) + " codes]";
    }
}
