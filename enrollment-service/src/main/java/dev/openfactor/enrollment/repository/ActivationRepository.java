package dev.openfactor.enrollment.repository;

import java.time.Instant;
import java.util.Optional;

import dev.openfactor.enrollment.domain.Activation;
import dev.openfactor.enrollment.domain.ActivationStatus;
import dev.openfactor.enrollment.domain.MfaUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class ActivationRepository implements PanacheRepositoryBase<Activation, String> {

    public Optional<Activation> find(MfaUser user, String activationId) {
        return find("id = ?1 and tenantId = ?2 and userRef = ?3", activationId, user.tenantId(), user.id())
                .firstResultOptional();
    }

    /** Locked, so that two concurrent attempts count two wrong codes and only one can succeed. */
    public Optional<Activation> lockByRef(String ref) {
        return find("ref", ref).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Activations of the user still waiting for the app: not activated, not expired, not dead of wrong codes. */
    public long countOpen(MfaUser user, Instant now, int maxWrongCodes) {
        return count("tenantId = ?1 and userRef = ?2 and status = ?3 and expiresAt > ?4 and wrongCodes < ?5",
                user.tenantId(), user.id(), ActivationStatus.WAITING, now, maxWrongCodes);
    }

    public boolean refTaken(String ref) {
        return count("ref", ref) > 0;
    }
}
