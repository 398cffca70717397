package dev.openfactor.platform.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code dev.openfactor.audit.recorded.v1} on {@code openfactor.audit}, for SIEMs: who did
 * what to which user, and how it ended. Never a code, secret, token or key in {@code details}.
 *
 * @param action  dotted verb, e.g. {@code activation.attempted}, {@code challenge.approved}
 * @param outcome {@code success}, {@code failure} or {@code info}
 * @param actor   {@code operator}, {@code frontend}, {@code device:<id>} or {@code system}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(String tenantId, String userId, String action, String outcome, String actor,
        String resourceId, Map<String, String> details, Instant occurredAt) {

    public static final String TYPE = "dev.openfactor.audit.recorded.v1";
    public static final String TOPIC = "openfactor.audit";
}
