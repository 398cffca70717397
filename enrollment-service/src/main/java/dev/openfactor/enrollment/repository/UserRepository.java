package dev.openfactor.enrollment.repository;

import java.util.Optional;

import dev.openfactor.enrollment.domain.MfaUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Every lookup names the tenant: one tenant's key can never reach another's users. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<MfaUser, String> {

    public Optional<MfaUser> find(String tenantId, String userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).firstResultOptional();
    }
}
