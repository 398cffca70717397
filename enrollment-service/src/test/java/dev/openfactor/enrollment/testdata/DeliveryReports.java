package dev.openfactor.enrollment.testdata;

import java.time.Instant;
import java.util.UUID;

import dev.openfactor.platform.testing.EventSender;

/** A delivery report as notification-service publishes it, sent to the real topic for enrollment's consumer. */
public final class DeliveryReports {

    private DeliveryReports() {
    }

    public static void publish(String bootstrapServers, String tenantId, String user, String deviceId, String channel,
            String outcome, String reason) {
        String json = "{\"notificationId\":\"" + UUID.randomUUID() + "\",\"tenantId\":\"" + tenantId + "\",\"userId\":\"" + user
                + "\",\"purpose\":\"push_challenge\",\"channel\":\"" + channel + "\",\"deviceId\":\"" + deviceId
                + "\",\"outcome\":\"" + outcome + "\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"attempts\":1,\"occurredAt\":\"" + Instant.now() + "\"}";
        EventSender.send(bootstrapServers, "openfactor.deliveries", tenantId + "/" + user, EventSender.event(
                "dev.openfactor.delivery.reported.v1", "/openfactor/notification-service", null, json));
    }
}
