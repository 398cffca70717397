package dev.openfactor.bench;

import java.util.Map;

/**
 * The settings that point notification-service's real APNs adapter (pushy) at the stand-in,
 * with the sandbox channel off. Names follow notification-service's README.
 */
final class NotificationToStandIn {

    private NotificationToStandIn() {
    }

    static Map<String, String> env(ApnsStandIn apns) {
        return Map.of(
                "OPENFACTOR_NOTIFICATION_SANDBOX_ENABLED", "false",
                "OPENFACTOR_NOTIFICATION_APNS_HOST", "127.0.0.1",
                "OPENFACTOR_NOTIFICATION_APNS_PORT", Integer.toString(apns.port()),
                "OPENFACTOR_NOTIFICATION_APNS_TRUSTED_CERTIFICATE_FILE", apns.certificatePem().toString(),
                "OPENFACTOR_NOTIFICATION_APNS_KEY_FILE", apns.signingKeyP8().toString(),
                "OPENFACTOR_NOTIFICATION_APNS_TEAM_ID", ApnsStandIn.TEAM_ID,
                "OPENFACTOR_NOTIFICATION_APNS_KEY_ID", ApnsStandIn.KEY_ID,
                "OPENFACTOR_NOTIFICATION_APNS_TOPIC", "dev.openfactor.authenticator");
    }
}
