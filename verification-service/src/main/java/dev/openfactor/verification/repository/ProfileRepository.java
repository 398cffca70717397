package dev.openfactor.verification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.verification.domain.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The profile projection: one row per user, replaced only by a newer version. */
@ApplicationScoped
public class ProfileRepository {

    private final EntityManager em;
    private final ObjectMapper mapper;

    ProfileRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public record DeviceRow(String deviceId, String tenantId, String userId, String methodId, String publicKey) {
    }

    /** True if stored: late or duplicate snapshots (version not newer) change nothing. */
    public boolean storeIfNewer(String tenantId, String userId, long version, String snapshot, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO user_profile (tenant_id, user_id, version, snapshot, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (tenant_id, user_id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot,
                    updated_at = EXCLUDED.updated_at
                WHERE user_profile.version < EXCLUDED.version""")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, version).setParameter(4, snapshot)
                .setParameter(5, now)
                .executeUpdate() == 1;
    }

    public void replaceDevices(String tenantId, String userId, List<DeviceRow> devices) {
        em.createNativeQuery("DELETE FROM profile_device WHERE tenant_id = ?1 AND user_id = ?2")
                .setParameter(1, tenantId).setParameter(2, userId).executeUpdate();
        for (DeviceRow d : devices) {
            em.createNativeQuery("""
                    INSERT INTO profile_device (device_id, tenant_id, user_id, method_id, public_key) VALUES (?1, ?2, ?3, ?4, ?5)
                    ON CONFLICT (device_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, user_id = EXCLUDED.user_id,
                        method_id = EXCLUDED.method_id, public_key = EXCLUDED.public_key""")
                    .setParameter(1, d.deviceId()).setParameter(2, tenantId).setParameter(3, userId)
                    .setParameter(4, d.methodId()).setParameter(5, d.publicKey())
                    .executeUpdate();
        }
    }

    public void delete(String tenantId, String userId) {
        em.createNativeQuery("DELETE FROM user_profile WHERE tenant_id = ?1 AND user_id = ?2")
                .setParameter(1, tenantId).setParameter(2, userId).executeUpdate();
        replaceDevices(tenantId, userId, List.of());
    }

    public Optional<Profile> find(String tenantId, String userId) {
        List<?> rows = em.createNativeQuery("SELECT snapshot FROM user_profile WHERE tenant_id = ?1 AND user_id = ?2")
                .setParameter(1, tenantId).setParameter(2, userId).getResultList();
        return rows.stream().findFirst().map(json -> read((String) json));
    }

    /** By device id alone: the signature that follows proves the caller; the row says whose device it is. */
    public Optional<DeviceRow> findDevice(String deviceId) {
        List<?> rows = em.createNativeQuery(
                "SELECT device_id, tenant_id, user_id, method_id, public_key FROM profile_device WHERE device_id = ?1")
                .setParameter(1, deviceId).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] c = (Object[]) r;
            return new DeviceRow((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4]);
        });
    }

    private Profile read(String json) {
        try {
            return mapper.readValue(json, Profile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not a readable snapshot");
        }
    }
}
