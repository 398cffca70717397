package dev.openfactor.enrollment.repository;

import java.time.Instant;
import java.util.Optional;

import dev.openfactor.enrollment.domain.MfaUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Every lookup names the tenant: one tenant's key can never reach another's users. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<MfaUser, String> {

    public Optional<MfaUser> find(String tenantId, String userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).firstResultOptional();
    }

    /**
     * The user's row, locked until the transaction ends ({@code SELECT ... FOR UPDATE}), created
     * first if it does not exist yet (two first uses at once both find the one row). Must be the
     * first load of this user in the transaction, so the entity is read under the lock.
     */
    public MfaUser lockedOrCreated(String tenantId, String userId, Instant now) {
        return locked(tenantId, userId).orElseGet(() -> {
            MfaUser fresh = MfaUser.create(tenantId, userId, now);
            getEntityManager().createNativeQuery("""
                    INSERT INTO mfa_user (id, tenant_id, user_id, mfa_required, default_method_id, profile_version, created_at)
                    VALUES (?1, ?2, ?3, false, NULL, 0, ?4) ON CONFLICT (tenant_id, user_id) DO NOTHING""")
                    .setParameter(1, fresh.id()).setParameter(2, tenantId).setParameter(3, userId).setParameter(4, now)
                    .executeUpdate();
            return locked(tenantId, userId).orElseThrow();
        });
    }

    /** By its row id, locked until the transaction ends. */
    public Optional<MfaUser> lockedById(String id) {
        return find("id", (Object) id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The user's row, locked until the transaction ends. */
    public Optional<MfaUser> locked(String tenantId, String userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
