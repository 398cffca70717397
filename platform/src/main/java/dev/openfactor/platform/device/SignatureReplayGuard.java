package dev.openfactor.platform.device;

import java.time.Clock;
import java.time.Instant;

import dev.openfactor.platform.jdbc.Jdbc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Remembers accepted signatures for twice the timestamp window in the database, so a captured
 * request replayed to another replica is refused too.
 */
@ApplicationScoped
public class SignatureReplayGuard {

    private final Jdbc jdbc;
    private final Clock clock;

    SignatureReplayGuard(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this request fingerprint is presented; false for a replay. */
    @Transactional
    public boolean firstUse(String deviceId, String signature) {
        return jdbc.update("""
                INSERT INTO device_signature_seen (signature_sha256, device_id, seen_at)
                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                DeviceSignatures.sha256(signature.getBytes(UTF_8)), deviceId, clock.instant()) == 1;
    }

    /**
     * Forgets signatures seen more than twice the window before {@code now}: their timestamps are
     * refused before this guard is asked, so keeping them guards nothing. Runs on a timer rather
     * than inside {@link #firstUse}, which keeps each signed request to one statement.
     */
    @Transactional
    public int forgetExpired(Instant now) {
        return jdbc.update("DELETE FROM device_signature_seen WHERE seen_at < ?",
                now.minus(DeviceSignatures.WINDOW.multipliedBy(2)));
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        forgetExpired(clock.instant());
    }
}
