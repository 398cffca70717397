package dev.openfactor.verification.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.openfactor.platform.audit.AuditTrail;
import dev.openfactor.platform.longpoll.ChangeSignals;
import dev.openfactor.platform.outbox.Outbox;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What every change of a challenge implies: an audit event and a wake-up for its long-pollers. */
@ApplicationScoped
public class ChallengeEvents {

    private final AuditTrail audit;
    private final ChangeSignals signals;

    ChallengeEvents(AuditTrail audit, ChangeSignals signals) {
        this.audit = audit;
        this.signals = signals;
    }

    public static String key(String challengeId) {
        return "challenge:" + challengeId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Challenge c) {
        audit.record(createdEvent(c));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(Challenge c, ChallengeStatus status, String actor) {
        recordEnd(c, status, actor);
        signals.signal(key(c.id()));
    }

    /**
     * Created and decided within one request (a code that came with it): both audit rows in one
     * statement, and no wake-up, since its id is not out yet and no one can be waiting on it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createdAndEndedAtOnce(Challenge c, ChallengeStatus status, String actor) {
        audit.recordAll(List.of(createdEvent(c), endedEvent(c, status, actor)));
    }

    /** The same two rows, for a sign-in decided by one statement of its own (TotpSignIn) to write. */
    public Outbox.Staged stageCreatedAndEndedAtOnce(Challenge c, ChallengeStatus status, String actor) {
        return audit.stage(List.of(createdEvent(c), endedEvent(c, status, actor)));
    }

    private void recordEnd(Challenge c, ChallengeStatus status, String actor) {
        audit.record(endedEvent(c, status, actor));
    }

    private AuditTrail.Entry createdEvent(Challenge c) {
        return new AuditTrail.Entry(c.tenantId(), c.userId(), "challenge.created", "info", "frontend", c.id(),
                Map.of("method", c.method().wireName()));
    }

    private static AuditTrail.Entry endedEvent(Challenge c, ChallengeStatus status, String actor) {
        Map<String, String> details = new HashMap<>();
        details.put("method", c.method().wireName());
        if (c.reason() != null) {
            details.put("reason", c.reason());
        }
        String outcome = status == ChallengeStatus.APPROVED ? "success" : "failure";
        return new AuditTrail.Entry(c.tenantId(), c.userId(), "challenge." + status.wireName(), outcome, actor, c.id(), details);
    }

    /** Delivery changed: only waiters care. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(String challengeId) {
        signals.signal(key(challengeId));
    }
}
