package dev.openfactor.verification.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Enough for every user signing in within minutes on a large tenant, a few tens of MB at most. */
    private static final int DECODED_CAPACITY = 10_000;

    /**
     * The profile columns of a sign-in read: the snapshot only when the caller's decoded copy is not
     * of the current row ({@code ?}: its version and stored time), so a repeat reader neither
     * transfers nor decodes it.
     */
    private static final String PROFILE_COLUMNS = """
            p.version, p.updated_at, CASE WHEN p.version = ? AND p.updated_at = ? THEN NULL ELSE p.snapshot END""";

    /**
     * The profile and the guard of a user signing in, in one round trip (the hottest read). Public
     * for the bench, whose same-SQL reference runs it verbatim.
     */
    public static final String SIGN_IN_READ = "SELECT " + PROFILE_COLUMNS + ", " + GUARD_COLUMNS + """
             FROM user_profile p LEFT JOIN user_guard g ON g.tenant_id = p.tenant_id AND g.user_id = p.user_id
            WHERE p.tenant_id = ? AND p.user_id = ?""";

    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final DecodedProfiles decoded = new DecodedProfiles(DECODED_CAPACITY);

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
        decoded.forget(tenantId, userId);
    }

    public Optional<Profile> find(String tenantId, String userId) {
        DecodedProfiles.Decoded held = decoded.held(tenantId, userId);
        return jdbc.first("SELECT " + PROFILE_COLUMNS + " FROM user_profile p WHERE p.tenant_id = ? AND p.user_id = ?",
                row -> profile(row, held, tenantId, userId), held.version(), held.storedAt(), tenantId, userId);
    }

    /** {@link #SIGN_IN_READ}. */
    public Optional<SignInSubject> findSubject(String tenantId, String userId) {
        DecodedProfiles.Decoded held = decoded.held(tenantId, userId);
        return jdbc.first(SIGN_IN_READ, row -> new SignInSubject(profile(row, held, tenantId, userId), GuardRepository.guard(row, 4)),
                held.version(), held.storedAt(), tenantId, userId);
    }

    /** By device id alone: the signature that follows proves the caller; the row says whose device it is. */
    public Optional<DeviceRow> findDevice(String deviceId) {
        return jdbc.first("SELECT device_id, tenant_id, user_id, method_id, public_key FROM profile_device WHERE device_id = ?",
                row -> new DeviceRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                deviceId);
    }

    /** The held copy if the row says it is current (no snapshot came), else the snapshot decoded and kept. */
    private Profile profile(ResultSet row, DecodedProfiles.Decoded held, String tenantId, String userId) throws SQLException {
        String snapshot = row.getString(3);
        if (snapshot == null) {
            return held.profile();
        }
        Profile profile = read(snapshot);
        decoded.keep(tenantId, userId, new DecodedProfiles.Decoded(row.getLong(1), Jdbc.instant(row, 2), profile));
        return profile;
    }

    private Profile read(String json) {
        try {
            return mapper.readValue(json, Profile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not a readable snapshot");
        }
    }
}
