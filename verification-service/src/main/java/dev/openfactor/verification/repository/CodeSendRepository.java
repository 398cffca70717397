package dev.openfactor.verification.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Codes sent per scope ({@code user:...} or {@code number:...}), for the sliding-window send limit. */
@ApplicationScoped
public class CodeSendRepository {

    private final EntityManager em;

    CodeSendRepository(EntityManager em) {
        this.em = em;
    }

    public long countSince(String tenantId, String scope, Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM code_send WHERE tenant_id = ?1 AND scope = ?2 AND sent_at > ?3")
                .setParameter(1, tenantId).setParameter(2, scope).setParameter(3, since).getSingleResult()).longValue();
    }

    public Optional<Instant> oldestSince(String tenantId, String scope, Instant since) {
        Object oldest = em.createNativeQuery("SELECT min(sent_at) FROM code_send WHERE tenant_id = ?1 AND scope = ?2 AND sent_at > ?3")
                .setParameter(1, tenantId).setParameter(2, scope).setParameter(3, since).getSingleResult();
        return Optional.ofNullable(oldest).map(o -> o instanceof Instant i ? i : ((java.time.OffsetDateTime) o).toInstant());
    }

    public void record(String tenantId, String scope, Instant now) {
        em.createNativeQuery("INSERT INTO code_send (id, tenant_id, scope, sent_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenantId).setParameter(3, scope)
                .setParameter(4, now).executeUpdate();
    }

    public void purgeBefore(Instant cutoff) {
        em.createNativeQuery("DELETE FROM code_send WHERE sent_at < ?1").setParameter(1, cutoff).executeUpdate();
    }
}
