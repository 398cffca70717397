package dev.openfactor.platform.audit;

import java.time.Clock;
import java.util.Map;

import dev.openfactor.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes audit events through the outbox, so an audited change and its record commit together. */
@ApplicationScoped
public class AuditTrail {

    private final Outbox outbox;
    private final Clock clock;

    AuditTrail(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String tenantId, String userId, String action, String outcome, String actor,
            String resourceId, Map<String, String> details) {
        AuditEvent event = new AuditEvent(tenantId, userId, action, outcome, actor, resourceId,
                details == null ? Map.of() : Map.copyOf(details), clock.instant());
        String key = tenantId + "/" + userId;
        outbox.publish(AuditEvent.TOPIC, key, AuditEvent.TYPE, key, event);
        return event;
    }
}
