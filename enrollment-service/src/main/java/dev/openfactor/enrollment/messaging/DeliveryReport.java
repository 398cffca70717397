package dev.openfactor.enrollment.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of {@code dev.openfactor.delivery.reported.v1} (tolerant: other fields ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryReport(String notificationId, String tenantId, String userId, String channel, String deviceId,
        String methodId, String outcome, String reason) {

    public static final String TYPE = "dev.openfactor.delivery.reported.v1";
    public static final String TOPIC = "openfactor.deliveries";

    public boolean addressInvalid() {
        return "address_invalid".equals(outcome);
    }
}
