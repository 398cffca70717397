package dev.openfactor.verification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "openfactor.verification")
public interface VerificationConfig {

    /** TOTP steps accepted either side of now. */
    @WithDefault("1")
    int totpWindow();

    Lockout lockout();

    Push push();

    Code code();

    /** How often overdue pending challenges are recorded as expired (and their waiters woken). */
    @WithDefault("5s")
    Duration expirySweep();

    interface Lockout {
        /** Consecutive failures that lock the user. */
        @WithDefault("10")
        int maxFailures();

        /** First lock; each repeat lock doubles it. */
        @WithDefault("15m")
        Duration duration();

        /** Ceiling for the doubling. */
        @WithDefault("24h")
        Duration maxDuration();
    }

    interface Push {
        @WithDefault("120s")
        Duration lifetime();

        @WithDefault("3")
        int maxPending();

        /** After "deny, it wasn't me": no push challenges for the user for this long. */
        @WithDefault("15m")
        Duration fraudCooldown();
    }

    interface Code {
        @WithDefault("5m")
        Duration lifetime();

        @WithDefault("3")
        int attempts();

        @WithDefault("5")
        int sendLimit();

        @WithDefault("15m")
        Duration sendWindow();

        /** A challenge for a code the user already has (TOTP, recovery) waits this long for /verify. */
        @WithDefault("5m")
        Duration totpLifetime();
    }
}
