package dev.openfactor.verification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.domain.SignInSubject;
import jakarta.enterprise.context.ApplicationScoped;

/** The profile projection: one row per user, replaced only by a newer version. */
@ApplicationScoped
public class ProfileRepository {

    private static final String GUARD_COLUMNS = "g." + GuardRepository.COLUMNS.replace(", ", ", g.");

    private final Jdbc jdbc;
    private final ObjectMapper mapper;

    ProfileRepository(Jdbc jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public record DeviceRow(String deviceId, String tenantId, String userId, String methodId, String publicKey) {
    }

    /** True if stored: late or duplicate snapshots (version not newer) change nothing. */
    public boolean storeIfNewer(String tenantId, String userId, long version, String snapshot, Instant now) {
        return jdbc.update("""
                INSERT INTO user_profile (tenant_id, user_id, version, snapshot, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, user_id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot,
                    updated_at = EXCLUDED.updated_at
                WHERE user_profile.version < EXCLUDED.version""", tenantId, userId, version, snapshot, now) == 1;
    }

    public void replaceDevices(String tenantId, String userId, List<DeviceRow> devices) {
        jdbc.update("DELETE FROM profile_device WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
        jdbc.batch("""
                INSERT INTO profile_device (device_id, tenant_id, user_id, method_id, public_key) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (device_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, user_id = EXCLUDED.user_id,
                    method_id = EXCLUDED.method_id, public_key = EXCLUDED.public_key""",
                devices.stream().map(d -> new Object[] {d.deviceId(), tenantId, userId, d.methodId(), d.publicKey()}).toList());
    }

    public void delete(String tenantId, String userId) {
        jdbc.update("DELETE FROM user_profile WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
        replaceDevices(tenantId, userId, List.of());
    }

    public Optional<Profile> find(String tenantId, String userId) {
        return jdbc.first("SELECT snapshot FROM user_profile WHERE tenant_id = ? AND user_id = ?", row -> row.getString(1),
                tenantId, userId).map(this::read);
    }

    /** The profile and the guard of a user signing in, in one round trip (the hottest read). */
    public Optional<SignInSubject> findSubject(String tenantId, String userId) {
        return jdbc.first("SELECT p.snapshot, " + GUARD_COLUMNS + """
                 FROM user_profile p LEFT JOIN user_guard g ON g.tenant_id = p.tenant_id AND g.user_id = p.user_id
                WHERE p.tenant_id = ? AND p.user_id = ?""",
                row -> new SignInSubject(read(row.getString(1)), GuardRepository.guard(row, 2)), tenantId, userId);
    }

    /** By device id alone: the signature that follows proves the caller; the row says whose device it is. */
    public Optional<DeviceRow> findDevice(String deviceId) {
        return jdbc.first("SELECT device_id, tenant_id, user_id, method_id, public_key FROM profile_device WHERE device_id = ?",
                row -> new DeviceRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                deviceId);
    }

    private Profile read(String json) {
        try {
            return mapper.readValue(json, Profile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not a readable snapshot");
        }
    }
}
