package dev.openfactor.enrollment.repository;

import java.util.Optional;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.PhoneCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PhoneCodeRepository implements PanacheRepositoryBase<PhoneCode, String> {

    /** Locked: concurrent confirmations must each spend an attempt. */
    public Optional<PhoneCode> lockFor(Method method) {
        return find("methodId", method.id()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
