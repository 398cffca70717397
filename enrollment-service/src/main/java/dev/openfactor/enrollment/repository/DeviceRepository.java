package dev.openfactor.enrollment.repository;

import java.util.List;
import java.util.Optional;

import dev.openfactor.enrollment.domain.Device;
import dev.openfactor.enrollment.domain.MfaUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

    public List<Device> of(MfaUser user) {
        return list("tenantId = ?1 and userRef = ?2", user.tenantId(), user.id());
    }

    public long countOf(MfaUser user) {
        return count("tenantId = ?1 and userRef = ?2", user.tenantId(), user.id());
    }

    /**
     * By id alone: signed app requests carry no tenant; the device key proves the caller, and
     * the device's own tenant scopes everything after that.
     */
    public Optional<Device> findDevice(String deviceId) {
        return findByIdOptional(deviceId);
    }
}
