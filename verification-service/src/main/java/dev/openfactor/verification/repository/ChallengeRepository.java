package dev.openfactor.verification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Challenges are always looked up within a tenant (and, for apps, within the device's user). */
@ApplicationScoped
public class ChallengeRepository implements PanacheRepositoryBase<Challenge, String> {

    private final Jdbc jdbc;

    ChallengeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Challenge> find(String tenantId, String challengeId) {
        return find("id = ?1 and tenantId = ?2", challengeId, tenantId).firstResultOptional();
    }

    /** Locked: an answer and a cancel, or two answers, must not both end the challenge. */
    public Optional<Challenge> lock(String tenantId, String challengeId) {
        return find("id = ?1 and tenantId = ?2", challengeId, tenantId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Plain SQL on every push sign-in: Panache's count re-translates its query on each call. It
     * runs before the new challenge is persisted, so there is no unflushed change it could miss.
     */
    public long pendingPush(String tenantId, String userId, Instant now) {
        return jdbc.count("""
                SELECT count(*) FROM challenge
                WHERE tenant_id = ? AND user_id = ? AND status = ? AND method = ? AND expires_at > ?""",
                tenantId, userId, ChallengeStatus.PENDING, ChallengeMethod.PUSH, now);
    }

    public List<Challenge> pendingPushFor(String tenantId, String userId, Instant now) {
        return list("tenantId = ?1 and userId = ?2 and method = ?3 and status = ?4 and expiresAt > ?5 order by createdAt",
                tenantId, userId, ChallengeMethod.PUSH, ChallengeStatus.PENDING, now);
    }

    /**
     * A delivery report, as one conditional UPDATE (one arrives for every push and code sent):
     * sent is final, and a report that changes nothing writes nothing. True if it changed.
     */
    public boolean recordDelivery(String tenantId, String challengeId, Challenge.Delivery next) {
        return jdbc.update("""
                UPDATE challenge SET delivery = ?
                WHERE id = ? AND tenant_id = ? AND delivery IS DISTINCT FROM 'SENT' AND delivery IS DISTINCT FROM ?""",
                next, challengeId, tenantId, next) == 1;
    }

    /**
     * The user's unexpired pending challenges, locked; rows another transaction holds are skipped
     * (the caller must never wait on a challenge while it holds the user's guard row).
     */
    public List<Challenge> lockPendingOf(String tenantId, String userId, Instant now) {
        return find("tenantId = ?1 and userId = ?2 and status = ?3 and expiresAt > ?4", tenantId, userId,
                ChallengeStatus.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .list();
    }

    /** Pending challenges past their expiry, oldest first, locked and skipped by other replicas' sweeps. */
    public List<Challenge> lockOverdue(Instant now, int limit) {
        return find("status = ?1 and expiresAt <= ?2 order by expiresAt", ChallengeStatus.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit).list();
    }
}
