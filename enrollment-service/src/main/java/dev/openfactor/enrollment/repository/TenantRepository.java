package dev.openfactor.enrollment.repository;

import java.util.Optional;

import dev.openfactor.enrollment.domain.Tenant;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {

    public Optional<Tenant> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
