package dev.openfactor.verification.factor;

import java.time.Instant;
import java.util.Optional;

import dev.openfactor.platform.otp.RecoveryCodeHashes;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.repository.ReplayRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A code from the user's current recovery set, each usable once. The set carries its own KDF and
 * cost ({@link RecoveryCodeHashes}): one KDF run per set per attempt, whatever the set's size.
 */
@ApplicationScoped
public class RecoveryCodeFactor {

    private final ReplayRepository replays;

    RecoveryCodeFactor(ReplayRepository replays) {
        this.replays = replays;
    }

    public Optional<String> accept(Profile profile, String code, Instant now) {
        for (Profile.Method m : profile.active().filter(m -> m.is("recovery_codes") && m.recoveryCodes() != null).toList()) {
            Optional<String> hash = m.recoveryCodes().match(code);
            if (hash.isPresent() && replays.spendRecoveryCode(m.methodId(), hash.get(), now)) {
                return Optional.of(m.methodId());
            }
        }
        return Optional.empty();
    }
}
