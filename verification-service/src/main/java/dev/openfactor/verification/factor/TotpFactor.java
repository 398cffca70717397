package dev.openfactor.verification.factor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.openfactor.platform.crypto.AssociatedData;
import dev.openfactor.platform.crypto.KeyRings;
import dev.openfactor.platform.otp.OtpAlgorithm;
import dev.openfactor.platform.otp.Totp;
import dev.openfactor.verification.config.VerificationConfig;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.repository.ReplayRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 6238 codes from any of the user's generators (TOTP apps and the authenticator app). A
 * matching step is accepted only if the database says it is newer than the credential's last
 * accepted step, which is what makes a code single-use across replicas.
 */
@ApplicationScoped
public class TotpFactor {

    private final KeyRings keyRings;
    private final ReplayRepository replays;
    private final VerificationConfig config;

    TotpFactor(KeyRings keyRings, ReplayRepository replays, VerificationConfig config) {
        this.keyRings = keyRings;
        this.replays = replays;
        this.config = config;
    }

    /** A generator whose code this is at {@code step}; whether the step is still unspent, only the database says. */
    public record Match(String methodId, long step) {
    }

    /** The generators (of {@code methodId} only, if given) that give this code now: computed, nothing written. */
    public List<Match> matches(Profile profile, String methodId, String code, Instant now) {
        List<Match> matches = new ArrayList<>(1);
        for (Profile.Method m : profile.codeGenerators()) {
            if (methodId == null || methodId.equals(m.methodId())) {
                totp(m).matchingStep(secret(profile, m), code, now, config.totpWindow())
                        .ifPresent(step -> matches.add(new Match(m.methodId(), step)));
            }
        }
        return matches;
    }

    /** The method whose code this is, if the code is valid now and its step was never accepted before. */
    public Optional<String> accept(Profile profile, String methodId, String code, Instant now) {
        return matches(profile, methodId, code, now).stream()
                .filter(m -> replays.acceptStep(m.methodId(), profile.tenantId(), m.step()))
                .map(Match::methodId).findFirst();
    }

    private static Totp totp(Profile.Method m) {
        return new Totp(OtpAlgorithm.valueOf(m.totp().algorithm()), m.totp().digits(), m.totp().period());
    }

    private byte[] secret(Profile profile, Profile.Method m) {
        return keyRings.ring(KeyRings.KEY_ENCRYPTION).open(m.totp().secret(),
                AssociatedData.method(profile.tenantId(), m.methodId()));
    }
}
