package dev.openfactor.verification.messaging;

import java.time.Instant;
import java.util.Map;

import dev.openfactor.platform.crypto.SecretEnvelope;

/** {@code dev.openfactor.notification.command.v1}, as notification-service's schema defines it. */
public record NotificationCommand(String notificationId, String tenantId, String userId, String purpose, String channel,
        String address, String extension, Instant expiresAt, String challengeId, String deviceId, String methodId,
        Push push, String text, SecretEnvelope secret) {

    public static final String TYPE = "dev.openfactor.notification.command.v1";
    public static final String TOPIC = "openfactor.notifications";

    /** What the phone shows; {@code data} carries the challenge id and context, never the number to match. */
    public record Push(String title, String body, String category, String collapseId, Map<String, String> data) {
    }

    @Override
    public String toString() {
        return "NotificationCommand[" + notificationId + ", " + channel + "]";
    }
}
