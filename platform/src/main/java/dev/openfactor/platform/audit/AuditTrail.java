package dev.openfactor.platform.audit;

import java.time.Clock;
import java.util.List;
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

    /** What happened, before the trail stamps it with the time. */
    public record Entry(String tenantId, String userId, String action, String outcome, String actor, String resourceId,
            Map<String, String> details) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String tenantId, String userId, String action, String outcome, String actor,
            String resourceId, Map<String, String> details) {
        return record(new Entry(tenantId, userId, action, outcome, actor, resourceId, details));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(Entry entry) {
        return recordAll(List.of(entry)).get(0);
    }

    /** Several events, in order, in one round trip to the database. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditEvent> recordAll(List<Entry> entries) {
        List<AuditEvent> events = entries.stream().map(this::event).toList();
        outbox.publishAll(publications(events));
        return events;
    }

    /** The same events for the caller's own statement to write ({@link Outbox#stage}). */
    public Outbox.Staged stage(List<Entry> entries) {
        return outbox.stage(publications(entries.stream().map(this::event).toList()));
    }

    private static List<Outbox.Publication> publications(List<AuditEvent> events) {
        return events.stream().map(e -> new Outbox.Publication(AuditEvent.TOPIC, key(e), AuditEvent.TYPE, key(e), e)).toList();
    }

    private AuditEvent event(Entry e) {
        return new AuditEvent(e.tenantId(), e.userId(), e.action(), e.outcome(), e.actor(), e.resourceId(),
                e.details() == null ? Map.of() : Map.copyOf(e.details()), clock.instant());
    }

    private static String key(AuditEvent e) {
        return e.tenantId() + "/" + e.userId();
    }
}
