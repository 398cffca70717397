package dev.openfactor.enrollment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "openfactor.enrollment")
public interface EnrollmentConfig {

    /** TOTP codes accepted this many steps either side of now when confirming a credential. */
    @WithDefault("1")
    int totpWindow();

    /**
     * Where phones reach this service from outside (the Kubernetes ingress), without a
     * trailing slash; activation URLs are built on it.
     */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    /**
     * Where apps reach verification-service from outside (its ingress), without a trailing slash;
     * told to the app at activation so it knows where to fetch its challenges.
     */
    @WithDefault("http://localhost:8082")
    String verificationPublicUrl();

    Activation activation();

    Phone phone();

    Limits limits();

    RecoveryCodes recoveryCodes();

    interface RecoveryCodes {
        /**
         * PBKDF2-HMAC-SHA256 iterations for new sets (each set records its own, so raising this
         * leaves existing sets valid). 600,000 is OWASP's figure; tests lower it to save CPU.
         */
        @WithDefault("600000")
        @Min(10000)
        int kdfIterations();
    }

    /**
     * What one user may hold, so that no profile snapshot outgrows a Kafka message and no
     * caller can fill the database through one user (409 {@code limit_reached} beyond).
     */
    interface Limits {

        /** Third-party TOTP credentials, pending or active. */
        @WithDefault("10")
        int totpCredentials();

        /** Phones, pending or active (there is also one per phone type). */
        @WithDefault("5")
        int phones();

        /** Paired authenticator apps. */
        @WithDefault("5")
        int devices();

        /** Activations still waiting for the app (not activated, not expired). */
        @WithDefault("3")
        int openActivations();
    }

    interface Activation {

        @WithDefault("10m")
        Duration lifetime();

        /** Wrong codes that kill an activation. */
        @WithDefault("5")
        int maxWrongCodes();

        /** Told to the app: how often to poll for pending challenges when pushes do not arrive. */
        @WithDefault("30")
        int appPollIntervalSeconds();
    }

    interface Phone {

        /** ISO 3166 region for numbers given without +country code; none means E.164 is required. */
        @WithDefault("ZZ")
        String defaultRegion();

        @WithDefault("5m")
        Duration codeLifetime();

        @WithDefault("3")
        int codeAttempts();

        /** Codes sent per user and, separately, per number within {@link #sendWindow()}. */
        @WithDefault("5")
        int sendLimit();

        @WithDefault("15m")
        Duration sendWindow();

        /** Codes a tenant may send per day, to whoever (toll-fraud guard); one more is a 429. */
        @WithDefault("10000")
        int tenantDailyBudget();
    }
}
