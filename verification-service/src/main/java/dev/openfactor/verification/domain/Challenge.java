package dev.openfactor.verification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One sign-in attempt. Pending until approved, denied, cancelled, reported as fraud, locked or
 * expired; every ending goes through {@link #end}, which refuses to end it twice.
 */
@Entity
@Table(name = "challenge")
public class Challenge {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChallengeMethod method;

    @Column(name = "method_id")
    private String methodId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChallengeStatus status;

    @Enumerated(EnumType.STRING)
    private Delivery delivery;

    @Column(name = "number_match")
    private String numberMatch;

    @Column(name = "code_salt")
    private String codeSalt;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "attempts_left", nullable = false)
    private int attemptsLeft;

    private String context;

    private String reason;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    public enum Delivery {
        QUEUED, SENT, FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase();
        }
    }

    protected Challenge() {
    }

    public static Challenge open(String tenantId, String userId, ChallengeMethod method, String methodId, String context,
            Instant now, Instant expiresAt, int attempts) {
        Challenge c = new Challenge();
        c.id = UUID.randomUUID().toString();
        c.tenantId = tenantId;
        c.userId = userId;
        c.method = method;
        c.methodId = methodId;
        c.context = context;
        c.status = ChallengeStatus.PENDING;
        c.attemptsLeft = attempts;
        c.createdAt = now;
        c.expiresAt = expiresAt;
        return c;
    }

    /** Pending past its expiry counts as expired even before anyone records it. */
    public ChallengeStatus status(Instant now) {
        return status == ChallengeStatus.PENDING && !now.isBefore(expiresAt) ? ChallengeStatus.EXPIRED : status;
    }

    /** Still PENDING in the table (perhaps past its expiry, not yet recorded). */
    public boolean recordedPending() {
        return status == ChallengeStatus.PENDING;
    }

    public boolean isPending(Instant now) {
        return status(now) == ChallengeStatus.PENDING;
    }

    public void end(ChallengeStatus outcome, String why, Instant now) {
        if (status.isFinal()) {
            throw new ChallengeStateException("the challenge has already ended (" + status.wireName() + ")");
        }
        status = outcome;
        reason = why;
        decidedAt = now;
    }

    public void expectCode(String salt, String hash) {
        codeSalt = salt;
        codeHash = hash;
    }

    public void numberMatch(String number) {
        numberMatch = number;
    }

    public void delivery(Delivery d) {
        delivery = d;
    }

    /** Spends an attempt; answers how many remain. */
    public int spendAttempt() {
        attemptsLeft = Math.max(0, attemptsLeft - 1);
        return attemptsLeft;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String userId() { return userId; }
    public ChallengeMethod method() { return method; }
    public String methodId() { return methodId; }
    public Delivery delivery() { return delivery; }
    public String numberMatch() { return numberMatch; }
    public String codeSalt() { return codeSalt; }
    public String codeHash() { return codeHash; }
    public int attemptsLeft() { return attemptsLeft; }
    public String context() { return context; }
    public String reason() { return reason; }
    public Instant expiresAt() { return expiresAt; }
    public Instant createdAt() { return createdAt; }
}
