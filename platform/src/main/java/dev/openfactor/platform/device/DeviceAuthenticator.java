package dev.openfactor.platform.device;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;

import dev.openfactor.platform.device.DeviceRefusals.Reason;
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
    private final DeviceRefusals refusals;

    DeviceAuthenticator(SignatureReplayGuard replays, Clock clock, DeviceRefusals refusals) {
        this.replays = replays;
        this.clock = clock;
        this.refusals = refusals;
    }

    /**
     * For a resource addressed as {@code /devices/{deviceId}}: the headers must name that device,
     * whose stored key ({@code publicKeyBase64}, empty if unknown) must verify the request.
     * Any failure is the one uniform 401; only the metrics and the log say why.
     */
    public void require(DeviceRequest request, String pathDeviceId, java.util.Optional<String> publicKeyBase64) {
        Optional<Reason> refusal;
        if (!hasHeaders(request)) {
            refusal = Optional.of(Reason.MISSING_HEADER);
        } else if (pathDeviceId == null || !pathDeviceId.equals(request.deviceId())) {
            refusal = Optional.of(Reason.DEVICE_MISMATCH);
        } else {
            refusal = publicKeyBase64.flatMap(DeviceSignatures::parseP256PublicKey).map(key -> refusal(request, key))
                    .orElse(Optional.of(Reason.UNKNOWN_DEVICE));
        }
        if (refusal.isPresent()) {
            refusals.refused(refusal.get(), pathDeviceId);
            throw dev.openfactor.platform.problem.ProblemException.unauthenticated();
        }
    }

    public boolean accepts(DeviceRequest request, PublicKey deviceKey) {
        Optional<Reason> refusal = !hasHeaders(request) ? Optional.of(Reason.MISSING_HEADER)
                : deviceKey == null ? Optional.of(Reason.UNKNOWN_DEVICE) : refusal(request, deviceKey);
        refusal.ifPresent(r -> refusals.refused(r, request.deviceId()));
        return refusal.isEmpty();
    }

    private static boolean hasHeaders(DeviceRequest request) {
        return request.deviceId() != null && request.timestamp() != null && request.signature() != null;
    }

    /** Cheapest check first; the replay guard, which writes, only for a valid signature. */
    private Optional<Reason> refusal(DeviceRequest request, PublicKey deviceKey) {
        if (!DeviceSignatures.headersWellFormed(request.deviceId(), request.timestamp(), request.signature())) {
            return Optional.of(Reason.MALFORMED_HEADER);
        }
        if (!DeviceSignatures.timestampIsFresh(request.timestamp(), clock.instant())) {
            return Optional.of(Reason.STALE_TIMESTAMP);
        }
        if (!DeviceSignatures.signatureIsValid(request, deviceKey)) {
            return Optional.of(Reason.BAD_SIGNATURE);
        }
        return replays.firstUse(request.deviceId(), fingerprint(request)) ? Optional.empty() : Optional.of(Reason.REPLAYED);
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
