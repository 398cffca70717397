package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.openfactor.platform.otp.HashedCode;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStateException;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.domain.InvalidCodeException;
import dev.openfactor.verification.domain.UserLockedException;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.factor.RecoveryCodeFactor;
import dev.openfactor.verification.factor.TotpFactor;
import dev.openfactor.verification.repository.ChallengeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Deciding a challenge by a typed code. Every wrong code counts toward the user's lockout and is
 * committed even though the caller gets an error; a right one resets the count.
 */
@ApplicationScoped
public class CodeChecks {

    private final Profiles profiles;
    private final ChallengeRepository challenges;
    private final TotpFactor totp;
    private final RecoveryCodeFactor recovery;
    private final GuardService guards;
    private final ChallengeEvents events;
    private final Clock clock;

    CodeChecks(Profiles profiles, ChallengeRepository challenges, TotpFactor totp, RecoveryCodeFactor recovery,
            GuardService guards, ChallengeEvents events, Clock clock) {
        this.profiles = profiles;
        this.challenges = challenges;
        this.totp = totp;
        this.recovery = recovery;
        this.guards = guards;
        this.events = events;
        this.clock = clock;
    }

    /** TOTP or recovery code sent with the challenge: approved or denied in this response. */
    @Transactional(Transactional.TxType.MANDATORY)
    Outcome decideNow(Challenge c, Profile profile, String code) {
        Instant now = clock.instant();
        Optional<String> accepted = c.method() == ChallengeMethod.RECOVERY_CODE
                ? recovery.accept(profile, code, now)
                : totp.accept(profile, c.methodId(), code, now);
        if (accepted.isPresent()) {
            int left = guards.success(c.tenantId(), c.userId());
            c.end(ChallengeStatus.APPROVED, null, now);
            events.endedAtOnce(c, ChallengeStatus.APPROVED, "frontend");
            return new Outcome(c, left);
        }
        int left = guards.failure(c.tenantId(), c.userId(), c.id());
        c.end(left == 0 ? ChallengeStatus.LOCKED : ChallengeStatus.DENIED, "invalid_code", now);
        events.endedAtOnce(c, c.status(now), "frontend");
        return new Outcome(c, left);
    }

    /** {@code POST /v1/challenges/{id}/verify}: SMS, voice or a pending TOTP challenge. */
    @Transactional(dontRollbackOn = {InvalidCodeException.class, UserLockedException.class})
    public Outcome verify(String tenantId, String challengeId, String code) {
        Challenge c = challenges.lock(tenantId, challengeId).orElseThrow(() -> ProblemException.notFound("Challenge"));
        Instant now = clock.instant();
        if (!c.method().takesCode() || c.method() == ChallengeMethod.RECOVERY_CODE) {
            throw new ChallengeStateException("this challenge is not answered by a code");
        }
        ChallengeService.requirePending(c, now);
        guards.requireUnlocked(tenantId, c.userId());
        boolean right = c.method() == ChallengeMethod.TOTP
                ? totp.accept(profiles.registered(tenantId, c.userId()), c.methodId(), code, now).isPresent()
                : c.codeHash() != null && new HashedCode(c.codeSalt(), c.codeHash()).matches(code);
        try {
            return right ? approve(c, now) : refuse(c, now);
        } catch (UserLockedException locked) {
            if (c.recordedPending()) { // another request locked the user meanwhile: this answer is not judged
                c.end(ChallengeStatus.LOCKED, "user_locked", now);
                events.ended(c, ChallengeStatus.LOCKED, "frontend");
            }
            throw locked;
        }
    }

    private Outcome approve(Challenge c, Instant now) {
        int left = guards.success(c.tenantId(), c.userId());
        c.end(ChallengeStatus.APPROVED, null, now);
        events.ended(c, ChallengeStatus.APPROVED, "frontend");
        return new Outcome(c, left);
    }

    private Outcome refuse(Challenge c, Instant now) {
        int lockLeft = guards.failure(c.tenantId(), c.userId(), c.id());
        int codeLeft = c.method() == ChallengeMethod.TOTP ? lockLeft : Math.min(c.spendAttempt(), lockLeft);
        if (lockLeft == 0) {
            c.end(ChallengeStatus.LOCKED, "too_many_failures", now);
            events.ended(c, ChallengeStatus.LOCKED, "frontend");
            guards.requireUnlocked(c.tenantId(), c.userId()); // throws 423 with the real Retry-After
        }
        if (codeLeft == 0) {
            c.end(ChallengeStatus.DENIED, "attempts_exhausted", now);
            events.ended(c, ChallengeStatus.DENIED, "frontend");
        }
        throw new InvalidCodeException(codeLeft);
    }
}
