package dev.openfactor.verification.factor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.repository.ReplayRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A code from the user's current recovery set, each usable once. Hashing matches
 * enrollment-service: SHA-256(salt ‖ code in upper case without separators), base64.
 */
@ApplicationScoped
public class RecoveryCodeFactor {

    private final ReplayRepository replays;

    RecoveryCodeFactor(ReplayRepository replays) {
        this.replays = replays;
    }

    public Optional<String> accept(Profile profile, String code, Instant now) {
        for (Profile.Method m : profile.active().filter(m -> m.is("recovery_codes") && m.recoveryCodes() != null).toList()) {
            byte[] candidate = hash(Base64.getDecoder().decode(m.recoveryCodes().salt()), code);
            boolean known = false;
            for (String stored : m.recoveryCodes().hashes()) {
                known |= MessageDigest.isEqual(candidate, Base64.getDecoder().decode(stored));
            }
            if (known && replays.spendRecoveryCode(m.methodId(), Base64.getEncoder().encodeToString(candidate), now)) {
                return Optional.of(m.methodId());
            }
        }
        return Optional.empty();
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.replace("-", "").replace(" ", "").toUpperCase().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
