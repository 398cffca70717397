package dev.openfactor.enrollment.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.PhoneDetails;
import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.enrollment.domain.RegistrationState;
import dev.openfactor.platform.crypto.SecretEnvelope;
import dev.openfactor.platform.otp.OtpAlgorithm;
import dev.openfactor.platform.otp.RecoveryCodeHashes;

/**
 * {@code dev.openfactor.profile.snapshot.v1} on {@code openfactor.profiles} (compacted, key
 * {@code tenantId/userId}): everything verification-service needs to check a sign-in, with
 * secrets only as envelopes under the key-encryption key or as salted hashes.
 */
public record ProfileSnapshot(String tenantId, String userId, String tenantDisplayName, long version, boolean mfaRequired,
        RegistrationState registrationState, String defaultMethodId, List<MethodEntry> methods) {

    public static final String TYPE = "dev.openfactor.profile.snapshot.v1";
    public static final String DELETED_TYPE = "dev.openfactor.profile.deleted.v1";

    public static String key(String tenantId, String userId) {
        return tenantId + "/" + userId;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MethodEntry(String methodId, MethodType type, String label, MethodStatus status, Instant createdAt,
            TotpEntry totp, RecoveryCodeHashes recoveryCodes, DeviceEntry device, PhoneDetails phone) {
    }

    /** The paired app of an authenticator_app method: its key verifies the app's signed requests. */
    public record DeviceEntry(String deviceId, String publicKey, PushPlatform pushPlatform, String pushToken,
            boolean pushTokenValid, String deviceName, String appVersion) {
    }

    /**
     * {@code secret} is an AES-GCM envelope; its associated data is {@code openfactor:method:<tenantId>/<methodId>}
     * (platform {@code AssociatedData.method}).
     * {@code lastAcceptedStep}: the time step of the code that confirmed the credential, which sign-in must
     * never accept again; absent until one is accepted (the authenticator app's generator confirms none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TotpEntry(OtpAlgorithm algorithm, int digits, int period, SecretEnvelope secret, Long lastAcceptedStep) {
    }
}
