package dev.openfactor.enrollment.factor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import jakarta.enterprise.context.ApplicationScoped;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Ten codes like {@code K7QMD-4XH2P}: 10 characters from a 32-symbol alphabet without 0, O,
 * 1 and I, so 50 bits each. They are stored as SHA-256(salt || code): with 50 random bits a guess
 * costs 2^49 hashes on average per code, so a slow password hash would add cost to every
 * sign-in without adding protection that matters; the per-set salt stops precomputation.
 */
@ApplicationScoped
public class RecoveryCodeEnroller {

    public static final int CODES_PER_SET = 10;
    /** 32 symbols (5 bits each): no 0, 1, I or O, which read alike. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GROUP = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretCodec codec;
    private final Clock clock;

    RecoveryCodeEnroller(SecretCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** Stored half: the salt and one hash per code (base64), never the codes. */
    public record HashedCodes(String salt, List<String> hashes) {
    }

    public record Issued(Method method, List<String> codes) {
        @Override
        public String toString() {
            return "Issued[" + method.id() + "]";
        }
    }

    public Issued issue(MfaUser user) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        List<String> codes = new ArrayList<>(CODES_PER_SET);
        List<String> hashes = new ArrayList<>(CODES_PER_SET);
        for (int i = 0; i < CODES_PER_SET; i++) {
            String code = newCode();
            codes.add(code);
            hashes.add(Base64.getEncoder().encodeToString(hash(salt, code)));
        }
        Method method = Method.create(user, MethodType.RECOVERY_CODES, "Recovery codes", MethodStatus.ACTIVE, clock.instant());
        method.credentialData(codec.writeJson(new SetInfo(CODES_PER_SET)));
        method.secretData(codec.writeJson(new HashedCodes(Base64.getEncoder().encodeToString(salt), hashes)));
        return new Issued(method, codes);
    }

    public record SetInfo(int count) {
    }

    /** SHA-256 over the salt and the code in canonical form (upper case, no separator). */
    public static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(normalize(code).getBytes(US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String normalize(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase();
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(2 * GROUP + 1);
        for (int i = 0; i < 2 * GROUP; i++) {
            if (i == GROUP) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
