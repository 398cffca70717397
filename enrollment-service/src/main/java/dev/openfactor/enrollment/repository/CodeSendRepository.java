package dev.openfactor.enrollment.repository;

import java.time.Instant;
import java.util.Optional;

import dev.openfactor.enrollment.domain.CodeSend;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CodeSendRepository implements PanacheRepositoryBase<CodeSend, String> {

    public long countSince(String tenantId, String scope, Instant since) {
        return count("tenantId = ?1 and scope = ?2 and sentAt > ?3", tenantId, scope, since);
    }

    /** The oldest send still inside the window: when it leaves, a new send is allowed. */
    public Optional<Instant> oldestSince(String tenantId, String scope, Instant since) {
        return getEntityManager().createQuery(
                "select min(s.sentAt) from CodeSend s where s.tenantId = ?1 and s.scope = ?2 and s.sentAt > ?3", Instant.class)
                .setParameter(1, tenantId).setParameter(2, scope).setParameter(3, since)
                .getResultStream().filter(i -> i != null).findFirst();
    }

    public long purgeBefore(Instant cutoff) {
        return delete("sentAt < ?1", cutoff);
    }
}
