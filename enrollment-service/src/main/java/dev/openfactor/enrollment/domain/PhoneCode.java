package dev.openfactor.enrollment.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The live verification code of a phone awaiting verification; a resend replaces it. */
@Entity
@Table(name = "phone_code")
public class PhoneCode {

    @Id
    @Column(name = "method_id")
    private String methodId;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "code_salt", nullable = false)
    private String codeSalt;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "attempts_left", nullable = false)
    private int attemptsLeft;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PhoneCode() {
    }

    public PhoneCode(Method method, String tenantId) {
        this.methodId = method.id();
        this.tenantId = tenantId;
    }

    public void renew(String salt, String hash, int attempts, Instant expiresAt) {
        this.codeSalt = salt;
        this.codeHash = hash;
        this.attemptsLeft = attempts;
        this.expiresAt = expiresAt;
    }

    public boolean usable(Instant now) {
        return attemptsLeft > 0 && now.isBefore(expiresAt);
    }

    /** Spends one attempt; returns how many remain. */
    public int spendAttempt() {
        attemptsLeft = Math.max(0, attemptsLeft - 1);
        return attemptsLeft;
    }

    public String codeSalt() {
        return codeSalt;
    }

    public String codeHash() {
        return codeHash;
    }
}
