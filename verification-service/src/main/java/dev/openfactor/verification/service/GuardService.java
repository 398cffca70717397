package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.openfactor.platform.audit.AuditTrail;
import dev.openfactor.verification.config.VerificationConfig;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.UserGuard;
import dev.openfactor.verification.domain.UserLockedException;
import dev.openfactor.verification.repository.ChallengeRepository;
import dev.openfactor.verification.repository.GuardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Lockout after consecutive failures, its reset on success, the operator's unlock and the fraud
 * cool-down. The database decides each: a failure or success that arrives while (or just after)
 * another request locked the user is refused with 423 rather than judged, so however many
 * requests race, exactly {@code maxFailures} failures are judged before the lock.
 */
@ApplicationScoped
public class GuardService {

    private final GuardRepository guards;
    private final ChallengeRepository challenges;
    private final ChallengeEvents events;
    private final AuditTrail audit;
    private final VerificationConfig config;
    private final UserGuard.Lockout lockout;
    private final Clock clock;

    GuardService(GuardRepository guards, ChallengeRepository challenges, ChallengeEvents events, AuditTrail audit,
            VerificationConfig config, Clock clock) {
        this.guards = guards;
        this.challenges = challenges;
        this.events = events;
        this.audit = audit;
        this.config = config;
        this.lockout = new UserGuard.Lockout(config.lockout().maxFailures(), config.lockout().duration(),
                config.lockout().maxDuration());
        this.clock = clock;
    }

    /** The cheap early answer for a locked user; the statements below decide for good. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireUnlocked(String tenantId, String userId) {
        requireUnlocked(guards.read(tenantId, userId));
    }

    /** The same, on a guard the caller has just read. */
    public void requireUnlocked(UserGuard guard) {
        Instant now = clock.instant();
        if (guard.lockedAt(now)) {
            throw Problems.locked(guard.lockRemaining(now));
        }
    }

    /**
     * Counts a failure of {@code challengeId}; answers the attempts left before the lock (0 when
     * this failure locked the user, which also ends the user's other pending challenges).
     *
     * @throws UserLockedException if the user is already locked (the failure does not count)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int failure(String tenantId, String userId, String challengeId) {
        Instant now = clock.instant();
        UserGuard guard = guards.addFailure(tenantId, userId, now).orElseThrow(() -> lockedNow(tenantId, userId, now));
        Optional<Duration> lock = guard.lockDue(lockout);
        if (lock.isEmpty()) {
            return guard.remainingAttempts(lockout);
        }
        guards.lock(tenantId, userId, now.plus(lock.get()));
        audit.record(tenantId, userId, "user.locked", "info", "system", challengeId,
                Map.of("seconds", Long.toString(lock.get().toSeconds())));
        endPendingChallenges(tenantId, userId, challengeId, now);
        return 0;
    }

    /**
     * A success resets the failure count and answers the attempts a user has.
     *
     * @throws UserLockedException if the user is locked (nothing is reset)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int success(String tenantId, String userId) {
        Instant now = clock.instant();
        guards.resetUnlessLocked(tenantId, userId, now).ifPresent(until -> {
            throw Problems.locked(Duration.between(now, until));
        });
        return config.lockout().maxFailures();
    }

    @Transactional
    public void unlock(String tenantId, String userId) {
        guards.unlock(tenantId, userId);
        audit.record(tenantId, userId, "user.unlocked", "success", "frontend", null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suspendPush(String tenantId, String userId) {
        guards.suspendPush(tenantId, userId, clock.instant().plus(config.push().fraudCooldown()));
    }

    private UserLockedException lockedNow(String tenantId, String userId, Instant now) {
        return Problems.locked(guards.read(tenantId, userId).lockRemaining(now));
    }

    /**
     * A lock ends what the user had pending (their push prompts vanish from the app). The caller's
     * own challenge is left to the caller; rows another request is deciding right now are skipped,
     * and that request meets the lock itself when it reaches the guard.
     */
    private void endPendingChallenges(String tenantId, String userId, String exceptChallengeId, Instant now) {
        for (Challenge c : challenges.lockPendingOf(tenantId, userId, now)) {
            if (!c.id().equals(exceptChallengeId)) {
                c.endByLock(now);
                challenges.save(c);
                events.ended(c, ChallengeStatus.LOCKED, "system");
            }
        }
    }
}
