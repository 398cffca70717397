package dev.openfactor.enrollment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered method. As in Keycloak's CredentialModel, what may be shown
 * ({@code credentialData}, JSON) is kept apart from the secret half ({@code secretData}, an
 * AES-GCM envelope or salted hashes as JSON), which never leaves this service unencrypted.
 */
@Entity
@Table(name = "mfa_method")
public class Method {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "user_ref", nullable = false)
    private String userRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MethodType type;

    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MethodStatus status;

    @Column(name = "credential_data", nullable = false)
    private String credentialData;

    @Column(name = "secret_data")
    private String secretData;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Method() {
    }

    public static Method create(MfaUser user, MethodType type, String label, MethodStatus status, Instant now) {
        Method m = new Method();
        m.id = UUID.randomUUID().toString();
        m.tenantId = user.tenantId();
        m.userRef = user.id();
        m.type = type;
        m.label = label;
        m.status = status;
        m.credentialData = "{}";
        m.createdAt = now;
        return m;
    }

    public void activate() {
        status = status.activate();
    }

    public String id() {
        return id;
    }

    public MethodType type() {
        return type;
    }

    public String label() {
        return label;
    }

    public MethodStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == MethodStatus.ACTIVE;
    }

    public String credentialData() {
        return credentialData;
    }

    public void credentialData(String json) {
        this.credentialData = json;
    }

    public String secretData() {
        return secretData;
    }

    public void secretData(String json) {
        this.secretData = json;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
