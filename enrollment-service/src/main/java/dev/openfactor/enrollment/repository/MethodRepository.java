package dev.openfactor.enrollment.repository;

import java.util.List;
import java.util.Optional;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Methods are always looked up through their user and tenant. */
@ApplicationScoped
public class MethodRepository implements PanacheRepositoryBase<Method, String> {

    public List<Method> of(MfaUser user) {
        return list("tenantId = ?1 and userRef = ?2 order by createdAt", user.tenantId(), user.id());
    }

    public Optional<Method> find(MfaUser user, String methodId) {
        return find("id = ?1 and tenantId = ?2 and userRef = ?3", methodId, user.tenantId(), user.id()).firstResultOptional();
    }

    public long countOfType(MfaUser user, MethodType type) {
        return count("tenantId = ?1 and userRef = ?2 and type = ?3", user.tenantId(), user.id(), type);
    }

    public List<Method> ofType(MfaUser user, MethodType type) {
        return list("tenantId = ?1 and userRef = ?2 and type = ?3", user.tenantId(), user.id(), type);
    }
}
