package dev.openfactor.enrollment.messaging;

import java.time.Instant;

import dev.openfactor.platform.crypto.SecretEnvelope;

/**
 * {@code dev.openfactor.notification.command.v1} on {@code openfactor.notifications}, as
 * notification-service's schema defines it. This service only sends phone verification codes,
 * so it fills the SMS/voice half; the code travels only inside {@code secret} (platform {@code SealedCode}).
 */
public record NotificationCommand(String notificationId, String tenantId, String userId, String purpose, String channel,
        String address, String extension, Instant expiresAt, String challengeId, String deviceId, String methodId,
        Object push, String text, SecretEnvelope secret) {

    public static final String TYPE = "dev.openfactor.notification.command.v1";
    public static final String TOPIC = "openfactor.notifications";

    @Override
    public String toString() {
        return "NotificationCommand[" + notificationId + ", " + channel + "]";
    }
}
