package dev.openfactor.notification.messaging;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code dev.openfactor.notification.deadlettered.v1} on {@code openfactor.notifications.dlq}: a
 * command that exhausted its attempts, as received (its code still sealed), and why.
 */
public record DeadLetter(String notificationId, JsonNode command, String reason, int attempts, Instant occurredAt) {

    public static final String TYPE = "dev.openfactor.notification.deadlettered.v1";
    public static final String TOPIC = "openfactor.notifications.dlq";
}
