package dev.openfactor.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.time.AdjustableClock;

class AdminTokenThrottleTest {

    private final AdjustableClock clock = new AdjustableClock();

    @Test
    void blockEndsWithTheWindow() {
        clock.freezeAt(Instant.parse("2026-01-01T00:00:00Z"));
        AdminTokenThrottle throttle = new AdminTokenThrottle(config(3, 100), clock);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("192.0.2.1");
        }
        clock.advance(Duration.ofSeconds(20));

        assertEquals(Optional.of(Duration.ofSeconds(40)), throttle.blockedFor("192.0.2.1"));
        clock.advance(Duration.ofSeconds(40));
        assertEquals(Optional.empty(), throttle.blockedFor("192.0.2.1"));
    }

    @Test
    void addressesBeyondTheBoundShareOneWindowSoMemoryStaysBounded() {
        clock.freezeAt(Instant.parse("2026-01-01T00:00:00Z"));
        AdminTokenThrottle throttle = new AdminTokenThrottle(config(3, 2), clock);
        throttle.recordFailure("192.0.2.1");
        throttle.recordFailure("192.0.2.2");

        for (int i = 0; i < 1000; i++) {
            throttle.recordFailure("203.0.113." + (i % 250) + "-" + i);
        }

        assertEquals(3, throttle.trackedAddresses(), "two addresses and the shared window");
        assertTrue(throttle.blockedFor("198.51.100.7").isPresent(), "a flood of addresses cannot escape the limit");
        assertEquals(Optional.empty(), throttle.blockedFor("192.0.2.1"), "addresses tracked before keep their own count");
    }

    @Test
    void endedWindowsMakeRoomForNewAddresses() {
        clock.freezeAt(Instant.parse("2026-01-01T00:00:00Z"));
        AdminTokenThrottle throttle = new AdminTokenThrottle(config(3, 2), clock);
        throttle.recordFailure("192.0.2.1");
        throttle.recordFailure("192.0.2.2");
        clock.advance(Duration.ofMinutes(2));

        throttle.recordFailure("192.0.2.3");
        throttle.recordFailure("192.0.2.3");
        throttle.recordFailure("192.0.2.3");

        assertTrue(throttle.blockedFor("192.0.2.3").isPresent());
        assertEquals(Optional.empty(), throttle.blockedFor("192.0.2.4"));
    }

    private static AdminThrottleConfig config(int maxFailures, int maxAddresses) {
        return new AdminThrottleConfig() {
            @Override
            public int maxFailures() {
                return maxFailures;
            }

            @Override
            public Duration window() {
                return Duration.ofMinutes(1);
            }

            @Override
            public int maxAddresses() {
                return maxAddresses;
            }
        };
    }
}
