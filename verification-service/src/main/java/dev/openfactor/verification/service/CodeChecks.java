package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
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
        int left = accepted.isPresent() ? guards.success(c.tenantId(), c.userId()) : guards.failure(c.tenantId(), c.userId(), c.id());
        if (accepted.isPresent()) {
            c.approve(now);
        } else {
            c.refuseTypedCode(left, now);
        }
        events.createdAndEndedAtOnce(c, c.status(now), "frontend");
        return new Outcome(c, left);
    }

    /** {@code POST /v1/challenges/{id}/verify}: SMS, voice or a pending TOTP challenge. */
    @Transactional(dontRollbackOn = {InvalidCodeException.class, UserLockedException.class})
    public Outcome verify(String tenantId, String challengeId, String code) {
        Challenge c = challenges.lock(tenantId, challengeId).orElseThrow(() -> ProblemException.notFound("Challenge"));
        Instant now = clock.instant();
        c.requireAnsweredByVerify();
        c.requirePending(now);
        guards.requireUnlocked(tenantId, c.userId());
        boolean right = c.method() == ChallengeMethod.TOTP
                ? totp.accept(profiles.registered(tenantId, c.userId()), c.methodId(), code, now).isPresent()
                : c.sentCodeMatches(code);
        try {
            return right ? approve(c, now) : refuse(c, now);
        } catch (UserLockedException locked) { // another request locked the user meanwhile: this answer is not judged
            if (c.isPending(now)) {
                c.endByLock(now);
                end(c, now);
            }
            throw locked;
        }
    }

    private Outcome approve(Challenge c, Instant now) {
        int left = guards.success(c.tenantId(), c.userId());
        c.approve(now);
        end(c, now);
        return new Outcome(c, left);
    }

    private Outcome refuse(Challenge c, Instant now) {
        int lockLeft = guards.failure(c.tenantId(), c.userId(), c.id());
        int codeLeft = c.refuseVerifiedCode(lockLeft, now);
        challenges.save(c);
        if (!c.isPending(now)) {
            events.ended(c, c.status(now), "frontend");
        }
        if (lockLeft == 0) {
            guards.requireUnlocked(c.tenantId(), c.userId()); // throws 423 with the real Retry-After
        }
        throw new InvalidCodeException(codeLeft);
    }

    private void end(Challenge c, Instant now) {
        challenges.save(c);
        events.ended(c, c.status(now), "frontend");
    }
}
