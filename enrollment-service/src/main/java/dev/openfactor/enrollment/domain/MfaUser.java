package dev.openfactor.enrollment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's user as this service knows it: the MFA requirement and the default method. */
@Entity
@Table(name = "mfa_user")
public class MfaUser {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "mfa_required", nullable = false)
    private boolean mfaRequired;

    @Column(name = "default_method_id")
    private String defaultMethodId;

    @Column(name = "profile_version", nullable = false)
    private long profileVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MfaUser() {
    }

    public static MfaUser create(String tenantId, String userId, Instant now) {
        MfaUser u = new MfaUser();
        u.id = UUID.randomUUID().toString();
        u.tenantId = tenantId;
        u.userId = userId;
        u.createdAt = now;
        return u;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String userId() {
        return userId;
    }

    public boolean mfaRequired() {
        return mfaRequired;
    }

    public void requireMfa(boolean required) {
        this.mfaRequired = required;
    }

    public String defaultMethodId() {
        return defaultMethodId;
    }

    public void defaultMethod(String methodId) {
        this.defaultMethodId = methodId;
    }

    /** The version of the next profile snapshot; strictly greater than every earlier one. */
    public long nextProfileVersion() {
        return ++profileVersion;
    }
}
