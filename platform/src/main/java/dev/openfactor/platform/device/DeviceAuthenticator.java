package dev.openfactor.platform.device;

import java.security.PublicKey;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accepts a signed app request if its timestamp is fresh, its signature verifies under the
 * device's key, and the signature has not been seen before. Callers answer every refusal with
 * the same 401, so this says only yes or no.
 */
@ApplicationScoped
public class DeviceAuthenticator {

    private final SignatureReplayGuard replays;
    private final Clock clock;

    DeviceAuthenticator(SignatureReplayGuard replays, Clock clock) {
        this.replays = replays;
        this.clock = clock;
    }

    /**
     * For a resource addressed as {@code /devices/{deviceId}}: the headers must name that device,
     * whose stored key ({@code publicKeyBase64}, empty if unknown) must verify the request.
     * Any failure is the one uniform 401.
     */
    public void require(DeviceRequest request, String pathDeviceId, java.util.Optional<String> publicKeyBase64) {
        boolean ok = pathDeviceId != null && pathDeviceId.equals(request.deviceId())
                && publicKeyBase64.flatMap(DeviceSignatures::parseP256PublicKey).map(key -> accepts(request, key)).orElse(false);
        if (!ok) {
            throw dev.openfactor.platform.problem.ProblemException.unauthenticated();
        }
    }

    public boolean accepts(DeviceRequest request, PublicKey deviceKey) {
        if (deviceKey == null || !DeviceSignatures.headersWellFormed(request.deviceId(), request.timestamp(), request.signature())) {
            return false;
        }
        return DeviceSignatures.timestampIsFresh(request.timestamp(), clock.instant())
                && DeviceSignatures.signatureIsValid(request, deviceKey)
                && replays.firstUse(request.deviceId(), fingerprint(request));
    }

    /**
     * What makes a request a replay: the signed content, not the signature bytes. ECDSA
     * signatures are malleable ((r, s) and (r, n - s) both verify), so keying on the signature
     * would let a captured request be replayed with its twin signature.
     */
    private static String fingerprint(DeviceRequest request) {
        return request.deviceId() + "\n"
                + DeviceSignatures.canonical(request.method(), request.pathWithQuery(), request.timestamp(), request.body());
    }
}
