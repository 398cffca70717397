package dev.openfactor.verification.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.openfactor.platform.crypto.SecretEnvelope;
import dev.openfactor.platform.otp.RecoveryCodeHashes;

/**
 * A user's profile as the latest {@code dev.openfactor.profile.snapshot.v1} describes it, read
 * tolerantly (fields added later are ignored). Secrets are still sealed or hashed here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(String tenantId, String userId, String tenantDisplayName, long version, boolean mfaRequired,
        String registrationState, String defaultMethodId, List<Method> methods) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Method(String methodId, String type, String label, String status, Totp totp, RecoveryCodeHashes recoveryCodes,
            Device device, Phone phone) {

        public boolean active() {
            return "active".equals(status);
        }

        public boolean is(String wanted) {
            return wanted.equals(type);
        }
    }

    /** {@code lastAcceptedStep}: the step that confirmed the credential at enrollment, if any; never accepted here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totp(String algorithm, int digits, int period, SecretEnvelope secret, Long lastAcceptedStep) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Device(String deviceId, String publicKey, String pushPlatform, String pushToken, boolean pushTokenValid,
            String deviceName) {

        public boolean pushable() {
            return pushTokenValid && pushToken != null && !"none".equals(pushPlatform);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phone(String phoneType, String number, String extension, String channel) {
    }

    public boolean registered() {
        return "registered".equals(registrationState);
    }

    public Stream<Method> active() {
        return methods == null ? Stream.empty() : methods.stream().filter(Method::active);
    }

    public Optional<Method> method(String methodId) {
        return active().filter(m -> m.methodId().equals(methodId)).findFirst();
    }

    /** Methods whose TOTP generator can answer a code: third-party apps and the authenticator app. */
    public List<Method> codeGenerators() {
        return active().filter(m -> m.totp() != null && m.totp().secret() != null).toList();
    }

    public List<Method> apps() {
        return active().filter(m -> m.is("authenticator_app") && m.device() != null).toList();
    }

    public String displayName() {
        return tenantDisplayName == null ? "OpenFactor" : tenantDisplayName;
    }
}
