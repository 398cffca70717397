package dev.openfactor.enrollment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A paired phone app: its public key (all public data), push address and name. */
@Entity
@Table(name = "device")
public class Device {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "user_ref", nullable = false)
    private String userRef;

    @Column(name = "method_id", nullable = false)
    private String methodId;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "push_platform", nullable = false)
    private PushPlatform pushPlatform;

    @Column(name = "push_token")
    private String pushToken;

    @Column(name = "push_token_valid", nullable = false)
    private boolean pushTokenValid;

    @Column(nullable = false)
    private String name;

    @Column(name = "app_version")
    private String appVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Device() {
    }

    public static Device pair(MfaUser user, Method method, String publicKey, PushPlatform platform, String pushToken,
            String name, String appVersion, Instant now) {
        Device d = new Device();
        d.id = UUID.randomUUID().toString();
        d.tenantId = user.tenantId();
        d.userRef = user.id();
        d.methodId = method.id();
        d.publicKey = publicKey;
        d.name = name;
        d.appVersion = appVersion;
        d.createdAt = now;
        d.pushAddress(platform, pushToken);
        return d;
    }

    /** A new address from the app; it is valid until a provider says otherwise. */
    public void pushAddress(PushPlatform platform, String token) {
        this.pushPlatform = platform;
        this.pushToken = platform.needsToken() ? token : null;
        this.pushTokenValid = platform.needsToken();
    }

    /** APNs or FCM reported the token unregistered: no more pushes until the app rotates it. */
    public boolean retirePushToken() {
        if (!pushTokenValid) {
            return false;
        }
        pushTokenValid = false;
        return true;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String userRef() {
        return userRef;
    }

    public String methodId() {
        return methodId;
    }

    public String publicKey() {
        return publicKey;
    }

    public PushPlatform pushPlatform() {
        return pushPlatform;
    }

    public String pushToken() {
        return pushToken;
    }

    public boolean pushTokenValid() {
        return pushTokenValid;
    }

    public String name() {
        return name;
    }

    public String appVersion() {
        return appVersion;
    }

    @Override
    public String toString() {
        return "Device[" + id + "]";
    }
}
