package dev.openfactor.enrollment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.openfactor.platform.otp.HashedCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A pending pairing of the authenticator app: waiting until the app presents the code, then
 * activated once. It expires after its lifetime or after too many wrong codes; the stored
 * status only says WAITING or ACTIVATED, expiry is derived so that it needs no sweeper.
 * <p>
 * It decides its own transitions: {@link #present} judges a code (and counts a wrong one),
 * {@link #complete} records the paired device; the service loads, calls, saves and audits.
 */
@Entity
@Table(name = "activation")
public class Activation {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "user_ref", nullable = false)
    private String userRef;

    @Column(nullable = false)
    private String ref;

    @Column(name = "code_salt", nullable = false)
    private String codeSalt;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "device_label")
    private String deviceLabel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivationStatus status;

    @Column(name = "wrong_codes", nullable = false)
    private int wrongCodes;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "method_id")
    private String methodId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Activation() {
    }

    public static Activation start(MfaUser user, String ref, String codeSalt, String codeHash, String deviceLabel,
            Instant now, Duration lifetime) {
        Activation a = new Activation();
        a.id = UUID.randomUUID().toString();
        a.tenantId = user.tenantId();
        a.userRef = user.id();
        a.ref = ref;
        a.codeSalt = codeSalt;
        a.codeHash = codeHash;
        a.deviceLabel = deviceLabel;
        a.status = ActivationStatus.WAITING;
        a.expiresAt = now.plus(lifetime);
        a.createdAt = now;
        return a;
    }

    /** What presenting a code did, with the reason the audit trail records for it. */
    public enum Presented {
        /** The code is right and the activation alive: pair the device, then {@link #complete}. */
        ACCEPTED("activated"),
        WRONG_CODE("wrong_code"),
        /** A wrong code that used the last attempt: the activation is now expired. */
        WRONG_CODE_NOW_DEAD("wrong_code_activation_dead"),
        /** Expired, already activated, or out of attempts before this code: nothing was checked. */
        NO_LONGER_VALID("no_longer_valid");

        private final String reason;

        Presented(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * The app presents {@code code} at {@code now}. A dead activation does not look at the code
     * (no oracle after the end); a wrong code counts towards {@code maxWrongCodes}.
     */
    public Presented present(String code, Instant now, int maxWrongCodes) {
        if (status(now, maxWrongCodes) != ActivationStatus.WAITING) {
            return Presented.NO_LONGER_VALID;
        }
        if (!new HashedCode(codeSalt, codeHash).matches(code)) {
            wrongCodes++;
            return wrongCodes >= maxWrongCodes ? Presented.WRONG_CODE_NOW_DEAD : Presented.WRONG_CODE;
        }
        return Presented.ACCEPTED;
    }

    public ActivationStatus status(Instant now, int maxWrongCodes) {
        if (status == ActivationStatus.WAITING && (!now.isBefore(expiresAt) || wrongCodes >= maxWrongCodes)) {
            return ActivationStatus.EXPIRED;
        }
        return status;
    }

    /** Records the device paired after {@link Presented#ACCEPTED}; a second completion is refused. */
    public void complete(Device device) {
        if (status != ActivationStatus.WAITING) {
            throw new ActivationExpiredException();
        }
        status = ActivationStatus.ACTIVATED;
        deviceId = device.id();
        methodId = device.methodId();
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

    public String ref() {
        return ref;
    }

    public String deviceLabel() {
        return deviceLabel;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String deviceId() {
        return deviceId;
    }

    public String methodId() {
        return methodId;
    }
}
