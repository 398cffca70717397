package dev.openfactor.verification.repository;

import dev.openfactor.verification.domain.UserGuard;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class GuardRepository implements PanacheRepositoryBase<UserGuard, UserGuard.Key> {

    /** The user's guard row, created if missing and locked, so concurrent failures all count. */
    public UserGuard lockFor(String tenantId, String userId) {
        getEntityManager().createNativeQuery("""
                INSERT INTO user_guard (tenant_id, user_id, failures, lock_count) VALUES (?1, ?2, 0, 0)
                ON CONFLICT DO NOTHING""").setParameter(1, tenantId).setParameter(2, userId).executeUpdate();
        return findById(new UserGuard.Key(tenantId, userId), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Read without locking, for the common "is this user locked?" check. */
    public UserGuard peek(String tenantId, String userId) {
        UserGuard guard = findById(new UserGuard.Key(tenantId, userId));
        return guard != null ? guard : new UserGuard(tenantId, userId);
    }
}
