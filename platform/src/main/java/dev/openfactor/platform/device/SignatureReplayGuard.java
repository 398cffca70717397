package dev.openfactor.platform.device;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Remembers accepted signatures for twice the timestamp window in the database, so a captured
 * request replayed to another replica is refused too.
 */
@ApplicationScoped
public class SignatureReplayGuard {

    private final EntityManager em;
    private final Clock clock;

    SignatureReplayGuard(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** True the first time this request fingerprint is presented; false for a replay. */
    @Transactional
    public boolean firstUse(String deviceId, String signature) {
        Instant now = clock.instant();
        em.createNativeQuery("DELETE FROM device_signature_seen WHERE seen_at < ?1")
                .setParameter(1, now.minus(DeviceSignatures.WINDOW.multipliedBy(2)))
                .executeUpdate();
        return em.createNativeQuery("""
                INSERT INTO device_signature_seen (signature_sha256, device_id, seen_at)
                VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, DeviceSignatures.sha256(signature.getBytes(UTF_8)))
                .setParameter(2, deviceId)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }
}
