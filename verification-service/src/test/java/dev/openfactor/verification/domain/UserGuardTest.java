package dev.openfactor.verification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The lockout rule on its own: when a failure locks, for how long, and what a lock or cool-down means at a time. */
class UserGuardTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final UserGuard.Lockout RULE = new UserGuard.Lockout(10, Duration.ofMinutes(15), Duration.ofHours(24));

    private static UserGuard failures(int failures, int earlierLocks) {
        return new UserGuard(failures, null, earlierLocks, null);
    }

    @Test
    void failuresBelowTheMaximumLeaveAttempts() {
        assertEquals(Optional.empty(), failures(9, 0).lockDue(RULE));
        assertEquals(1, failures(9, 0).remainingAttempts(RULE));
        assertEquals(10, UserGuard.NONE.remainingAttempts(RULE));
    }

    @Test
    void theMaximumLocksAndEachRepeatLockDoublesUpToTheCeiling() {
        assertEquals(Optional.of(Duration.ofMinutes(15)), failures(10, 0).lockDue(RULE));
        assertEquals(Optional.of(Duration.ofMinutes(30)), failures(10, 1).lockDue(RULE));
        assertEquals(Optional.of(Duration.ofMinutes(120)), failures(10, 3).lockDue(RULE));
        assertEquals(Optional.of(Duration.ofHours(24)), failures(10, 7).lockDue(RULE));
        assertEquals(Optional.of(Duration.ofHours(24)), failures(10, 1_000).lockDue(RULE), "no overflow past the ceiling");
        assertEquals(0, failures(12, 0).remainingAttempts(RULE));
    }

    @Test
    void aLockHoldsUntilItsEndAndNotAtIt() {
        UserGuard locked = new UserGuard(0, NOW.plusSeconds(60), 1, null);
        assertTrue(locked.lockedAt(NOW));
        assertEquals(Duration.ofSeconds(60), locked.lockRemaining(NOW));
        assertFalse(locked.lockedAt(NOW.plusSeconds(60)));
        assertEquals(Duration.ZERO, locked.lockRemaining(NOW.plusSeconds(61)));
        assertFalse(UserGuard.NONE.lockedAt(NOW));
    }

    @Test
    void theFraudCoolDownSuspendsPushUntilItEnds() {
        UserGuard cooling = new UserGuard(0, null, 0, NOW.plusSeconds(900));
        assertEquals(Duration.ofSeconds(900), cooling.pushSuspendedFor(NOW));
        assertEquals(Duration.ZERO, cooling.pushSuspendedFor(NOW.plusSeconds(900)));
        assertEquals(Duration.ZERO, UserGuard.NONE.pushSuspendedFor(NOW));
        assertFalse(cooling.lockedAt(NOW), "a cool-down is no lock: codes still work");
    }
}
