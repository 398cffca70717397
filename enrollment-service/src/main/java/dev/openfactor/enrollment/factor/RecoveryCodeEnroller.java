package dev.openfactor.enrollment.factor;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.platform.otp.RecoveryCodeHashes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ten codes like {@code K7QMD-4XH2P}: 10 characters from a 32-symbol alphabet without 0, O,
 * 1 and I, so 50 bits each. They are stored hashed with PBKDF2-HMAC-SHA256 under one salt per set
 * ({@link RecoveryCodeHashes}): the hashes travel on the compacted profile topic, and 50 bits
 * behind one fast hash would be hours of GPU time for whoever reads it.
 */
@ApplicationScoped
public class RecoveryCodeEnroller {

    public static final int CODES_PER_SET = 10;
    /** 32 symbols (5 bits each): no 0, 1, I or O, which read alike. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GROUP = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretCodec codec;
    private final int kdfIterations;
    private final Clock clock;

    RecoveryCodeEnroller(SecretCodec codec, EnrollmentConfig config, Clock clock) {
        this.codec = codec;
        this.kdfIterations = config.recoveryCodes().kdfIterations();
        this.clock = clock;
    }

    /** Codes and their hashes, made before the caller touches the database: hashing ten takes seconds. */
    public record NewSet(List<String> codes, RecoveryCodeHashes hashes) {
        @Override
        public String toString() {
            return "NewSet[" + hashes + "]";
        }
    }

    public record Issued(Method method, List<String> codes) {
        @Override
        public String toString() {
            return "Issued[" + method.id() + "]";
        }
    }

    public NewSet newSet() {
        List<String> codes = new ArrayList<>(CODES_PER_SET);
        for (int i = 0; i < CODES_PER_SET; i++) {
            codes.add(newCode());
        }
        return new NewSet(List.copyOf(codes), RecoveryCodeHashes.of(codes, kdfIterations));
    }

    /** The user's method for {@code set}: the hashes are its secret half, the count its public half. */
    public Issued issue(MfaUser user, NewSet set) {
        Method method = Method.create(user, MethodType.RECOVERY_CODES, "Recovery codes", MethodStatus.ACTIVE, clock.instant());
        method.credentialData(codec.writeJson(new SetInfo(set.codes().size())));
        method.secretData(codec.writeJson(set.hashes()));
        return new Issued(method, set.codes());
    }

    public record SetInfo(int count) {
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
