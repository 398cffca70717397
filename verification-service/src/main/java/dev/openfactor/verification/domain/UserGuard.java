package dev.openfactor.verification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    /** The lockout rule: {@code maxFailures} in a row lock for {@code first}, doubled per earlier lock, at most {@code max}. */
    public record Lockout(int maxFailures, Duration first, Duration max) {
    }

    /**
     * After a failure has been counted into this guard: how long the user is now locked for, or
     * empty while failures are left.
     */
    public Optional<Duration> lockDue(Lockout rule) {
        if (failures < rule.maxFailures()) {
            return Optional.empty();
        }
        Duration lock = rule.first().multipliedBy(1L << Math.min(lockCount, 20));
        return Optional.of(lock.compareTo(rule.max()) > 0 ? rule.max() : lock);
    }

    public int remainingAttempts(Lockout rule) {
        return Math.max(0, rule.maxFailures() - failures);
    }

    public Duration pushSuspendedFor(Instant now) {
        return pushBlockedUntil != null && now.isBefore(pushBlockedUntil) ? Duration.between(now, pushBlockedUntil) : Duration.ZERO;
    }
}
