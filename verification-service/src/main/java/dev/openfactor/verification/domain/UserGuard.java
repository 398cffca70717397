package dev.openfactor.verification.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Per-user protection: consecutive failures lock the user (each repeat lock lasts twice as long),
 * a success resets the count, and a fraud report suspends push challenges for a while.
 */
@Entity
@Table(name = "user_guard")
public class UserGuard {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "lock_count", nullable = false)
    private int lockCount;

    @Column(name = "push_blocked_until")
    private Instant pushBlockedUntil;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "user_id") String userId)
            implements Serializable {
    }

    protected UserGuard() {
    }

    public UserGuard(String tenantId, String userId) {
        this.key = new Key(tenantId, userId);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Duration lockRemaining(Instant now) {
        return lockedAt(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    /** Counts a failure; returns true if this one locked the user. */
    public boolean fail(Instant now, int maxFailures, Duration firstLock, Duration maxLock) {
        failures++;
        if (failures < maxFailures) {
            return false;
        }
        Duration lock = firstLock.multipliedBy(1L << Math.min(lockCount, 20));
        lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
        lockCount++;
        failures = 0;
        return true;
    }

    public void succeed() {
        failures = 0;
    }

    /** An operator's unlock: the count starts again; earlier locks still double the next one. */
    public void unlock() {
        failures = 0;
        lockedUntil = null;
    }

    public int remainingAttempts(int maxFailures) {
        return Math.max(0, maxFailures - failures);
    }

    public void suspendPush(Instant until) {
        pushBlockedUntil = until;
    }

    public Duration pushSuspendedFor(Instant now) {
        return pushBlockedUntil != null && now.isBefore(pushBlockedUntil) ? Duration.between(now, pushBlockedUntil) : Duration.ZERO;
    }

    public Key key() {
        return key;
    }
}
