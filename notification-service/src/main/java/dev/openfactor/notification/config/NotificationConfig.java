package dev.openfactor.notification.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Channels are on when their credentials are configured (secrets as files or environment
 * variables, never in the repository). With the sandbox on, it replaces every real channel.
 */
@ConfigMapping(prefix = "openfactor.notification")
public interface NotificationConfig {

    Sandbox sandbox();

    Retry retry();

    Dispatch dispatch();

    Apns apns();

    Fcm fcm();

    Twilio twilio();

    interface Sandbox {
        @WithDefault("false")
        boolean enabled();

        /**
         * The sandbox keeps every SMS and voice code in clear: under the prod profile it starts
         * only if this says so (a demo or staging system run with production settings).
         */
        @WithDefault("false")
        boolean allowInProd();
    }

    interface Retry {
        /** Attempts before a command goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("60s")
        Duration maxBackoff();
    }

    interface Dispatch {
        /** Deliveries claimed and sent concurrently per round. */
        @WithDefault("200")
        int batchSize();

        /** Fallback poll when no command arrives to wake the dispatcher. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** A claimed delivery whose sender died is retried after this. */
        @WithDefault("30s")
        Duration claimLease();

        /** A provider call that takes longer counts as a transient failure. */
        @WithDefault("10s")
        Duration sendTimeout();
    }

    interface Apns {
        /** api.push.apple.com, or api.sandbox.push.apple.com for development builds of the app. */
        @WithDefault("api.push.apple.com")
        String host();

        @WithDefault("443")
        int port();

        /** The app's bundle id (apns-topic). */
        @WithDefault("dev.openfactor.authenticator")
        String topic();

        /** Token auth: the .p8 key file, with team id and key id. */
        Optional<String> keyFile();

        Optional<String> teamId();

        Optional<String> keyId();

        /** Certificate auth instead: a PKCS#12 file and its password. */
        Optional<String> certificateFile();

        Optional<String> certificatePassword();

        /** Only for a stand-in server with its own certificate (tests, benchmarks). */
        Optional<String> trustedCertificateFile();
    }

    interface Fcm {
        /** The Firebase service-account JSON file. */
        Optional<String> serviceAccountFile();

        Optional<String> projectId();

        /** Only for a stand-in server: replaces https://fcm.googleapis.com. */
        Optional<String> endpoint();
    }

    interface Twilio {
        Optional<String> accountSid();

        Optional<String> authToken();

        /** The sending number (E.164) for SMS and calls. */
        Optional<String> fromNumber();

        /** Only for a stand-in server: replaces https://api.twilio.com. */
        Optional<String> endpoint();
    }
}
