package dev.openfactor.verification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A user's protection as the database last committed it: consecutive failures, the lock they
 * led to (each repeat lock lasts twice as long), and the push cool-down after a fraud report.
 * Every change is one conditional statement in {@code GuardRepository}, never a write-back of this.
 */
public record UserGuard(int failures, Instant lockedUntil, int lockCount, Instant pushBlockedUntil) {

    public static final UserGuard NONE = new UserGuard(0, null, 0, null);

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Duration lockRemaining(Instant now) {
        return lockedAt(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    /** The lock that this guard's next lock would be: the first one, doubled per earlier lock, capped. */
    public Duration nextLock(Duration first, Duration max) {
        Duration lock = first.multipliedBy(1L << Math.min(lockCount, 20));
        return lock.compareTo(max) > 0 ? max : lock;
    }

    public int remainingAttempts(int maxFailures) {
        return Math.max(0, maxFailures - failures);
    }

    public Duration pushSuspendedFor(Instant now) {
        return pushBlockedUntil != null && now.isBefore(pushBlockedUntil) ? Duration.between(now, pushBlockedUntil) : Duration.ZERO;
    }
}
