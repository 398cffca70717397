package dev.openfactor.verification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

        /** Push sign-ins a user may start within {@link #rateWindow()} (approved or not); one more is a 429. */
        @WithDefault("3")
        int rateLimit();

        @WithDefault("1m")
        Duration rateWindow();

        /** Digits of the number shown on the sign-in page and typed into the app (2 to 6). */
        @WithDefault("2")
        @Min(2)
        @Max(6)
        int numberMatchDigits();
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

        /** SMS and voice codes a tenant may send per day, whoever they go to (toll-fraud guard). */
        @WithDefault("10000")
        int tenantDailyBudget();

        /** A challenge for a code the user already has (TOTP, recovery) waits this long for /verify. */
        @WithDefault("5m")
        Duration totpLifetime();
    }
}
