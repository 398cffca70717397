package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.openfactor.platform.audit.AuditTrail;
import dev.openfactor.verification.config.VerificationConfig;
import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.UserGuard;
import dev.openfactor.verification.repository.GuardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Lockout after consecutive failures, its reset on success, and the operator's unlock. */
@ApplicationScoped
public class GuardService {

    private final GuardRepository guards;
    private final AuditTrail audit;
    private final VerificationConfig config;
    private final Clock clock;

    GuardService(GuardRepository guards, AuditTrail audit, VerificationConfig config, Clock clock) {
        this.guards = guards;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requireUnlocked(String tenantId, String userId) {
        UserGuard guard = guards.peek(tenantId, userId);
        Instant now = clock.instant();
        if (guard.lockedAt(now)) {
            throw Problems.locked(guard.lockRemaining(now));
        }
    }

    /** Records a failure; answers the attempts left before the lock (0 once locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int failure(String tenantId, String userId, String challengeId) {
        UserGuard guard = guards.lockFor(tenantId, userId);
        Instant now = clock.instant();
        var lockout = config.lockout();
        if (guard.fail(now, lockout.maxFailures(), lockout.duration(), lockout.maxDuration())) {
            audit.record(tenantId, userId, "user.locked", "info", "system", challengeId,
                    Map.of("seconds", Long.toString(guard.lockRemaining(now).toSeconds())));
            return 0;
        }
        return guard.remainingAttempts(lockout.maxFailures());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int success(String tenantId, String userId) {
        // Usually nothing to reset: the row read by requireUnlocked (same persistence context)
        // says so, and a sign-in then writes and locks nothing here.
        int max = config.lockout().maxFailures();
        if (guards.peek(tenantId, userId).remainingAttempts(max) == max) {
            return max;
        }
        UserGuard guard = guards.lockFor(tenantId, userId);
        guard.succeed();
        return guard.remainingAttempts(max);
    }

    @Transactional
    public void unlock(String tenantId, String userId) {
        guards.lockFor(tenantId, userId).unlock();
        audit.record(tenantId, userId, "user.unlocked", "success", "frontend", null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suspendPush(String tenantId, String userId) {
        guards.lockFor(tenantId, userId).suspendPush(clock.instant().plus(config.push().fraudCooldown()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public java.time.Duration pushSuspendedFor(String tenantId, String userId) {
        return guards.peek(tenantId, userId).pushSuspendedFor(clock.instant());
    }
}
