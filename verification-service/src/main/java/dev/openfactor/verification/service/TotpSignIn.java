package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.openfactor.platform.outbox.Outbox;
import dev.openfactor.verification.config.VerificationConfig;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.factor.TotpFactor;
import dev.openfactor.verification.repository.TotpApprovals;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hottest path: a TOTP code sent with the challenge that one of the user's generators gives
 * now is approved by one statement ({@link TotpApprovals}), outside any transaction: with the
 * profile read, two round trips per sign-in instead of five and a commit. Everything else (no
 * generator gives the code, two do, or the step was already spent) is left to the transactional
 * path, which counts it as a failure exactly as before.
 */
@ApplicationScoped
class TotpSignIn {

    private final TotpFactor totp;
    private final TotpApprovals approvals;
    private final ChallengeEvents events;
    private final VerificationConfig config;
    private final Clock clock;

    TotpSignIn(TotpFactor totp, TotpApprovals approvals, ChallengeEvents events, VerificationConfig config, Clock clock) {
        this.totp = totp;
        this.approvals = approvals;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The approved challenge, or empty if this path cannot approve it.
     *
     * @throws dev.openfactor.verification.domain.UserLockedException if the user was locked meanwhile (nothing approved)
     */
    Optional<Outcome> approve(Profile profile, MethodChoice.Chosen chosen, String code, String context) {
        Instant now = clock.instant();
        String methodId = chosen.profileMethod() == null ? null : chosen.profileMethod().methodId();
        List<TotpFactor.Match> matches = totp.matches(profile, methodId, code, now);
        if (matches.size() != 1) {
            return Optional.empty();
        }
        Challenge c = Challenge.openTypedCode(profile.tenantId(), profile.userId(), ChallengeMethod.TOTP, methodId, context, now,
                now.plus(config.code().totpLifetime()));
        c.approve(now);
        Outbox.Staged audit = events.stageCreatedAndEndedAtOnce(c, ChallengeStatus.APPROVED, "frontend");
        TotpApprovals.Result result = approvals.approve(c, matches.get(0).methodId(), matches.get(0).step(), audit, now);
        if (result.approved(now)) {
            audit.committed();
            return Optional.of(new Outcome(c, config.lockout().maxFailures()));
        }
        if (result.stepSpent()) { // locked meanwhile
            throw Problems.locked(Duration.between(now, result.lockedUntil()));
        }
        return Optional.empty();
    }
}
