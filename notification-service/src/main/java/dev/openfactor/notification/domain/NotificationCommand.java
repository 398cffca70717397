package dev.openfactor.notification.domain;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.openfactor.platform.crypto.SecretEnvelope;

/** {@code dev.openfactor.notification.command.v1} as received (read tolerantly); see events/ for its schema. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationCommand(String notificationId, String tenantId, String userId, String purpose, String channel,
        String address, String extension, Instant expiresAt, String challengeId, String deviceId, String methodId,
        Push push, String text, SecretEnvelope secret) {

    public static final String TYPE = "dev.openfactor.notification.command.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Push(String title, String body, String category, String collapseId, Map<String, String> data) {
    }

    @Override
    public String toString() {
        return "NotificationCommand[" + notificationId + ", " + channel + "]";
    }
}
