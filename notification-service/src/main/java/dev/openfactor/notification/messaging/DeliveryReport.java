package dev.openfactor.notification.messaging;

import java.time.Instant;

/** {@code dev.openfactor.delivery.reported.v1}: one final outcome per notification id (schema in events/). */
public record DeliveryReport(String notificationId, String tenantId, String userId, String purpose, String channel,
        String challengeId, String deviceId, String methodId, String outcome, String reason, int attempts,
        Instant occurredAt) {

    public static final String TYPE = "dev.openfactor.delivery.reported.v1";
    public static final String TOPIC = "openfactor.deliveries";
}
