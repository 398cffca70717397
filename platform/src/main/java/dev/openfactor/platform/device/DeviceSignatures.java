package dev.openfactor.platform.device;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.input.TextRules;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The device signature scheme of API.md: ECDSA P-256 with SHA-256, DER-encoded, over
 * {@code METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n hex(sha256(body))}, timestamp within ±60 s.
 * Pure functions; the replay check needs the database and lives in {@link SignatureReplayGuard}.
 */
public final class DeviceSignatures {

    public static final Duration WINDOW = Duration.ofSeconds(60);
    /** Unix seconds as ASCII digits: no sign, no spaces, no other scripts' digits. */
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile("[0-9]{1,12}");
    /** A DER ECDSA P-256 signature is at most 72 bytes, 96 base64 characters; leave room for padding variants. */
    private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile("[A-Za-z0-9+/]{8,128}={0,2}");
    private static final ECParameterSpec P256 = p256();

    private DeviceSignatures() {
    }

    public static String canonical(String method, String pathWithQuery, String timestamp, byte[] body) {
        return method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + HexFormat.of().formatHex(sha256(body));
    }

    /** Parses a base64 X.509 SubjectPublicKeyInfo; empty unless it is an EC key on P-256. */
    public static Optional<PublicKey> parseP256PublicKey(String spkiBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(spkiBase64)));
            if (key instanceof ECPublicKey ec && sameCurve(ec.getParams(), P256)) {
                return Optional.of(key);
            }
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True if the three headers could belong to a valid signed request: a device id passing the
     * input rules, a timestamp of ASCII digits, a base64 signature of a plausible length. Checked
     * before anything is looked up, so hostile header values never reach the database.
     */
    public static boolean headersWellFormed(String deviceId, String timestamp, String signature) {
        return deviceId != null && !deviceId.isEmpty() && TextRules.passes(deviceId, InputLimits.ID)
                && timestamp != null && TIMESTAMP.matcher(timestamp).matches()
                && signature != null && SIGNATURE.matcher(signature).matches();
    }

    /** True if the timestamp is a whole number of seconds (ASCII digits) within the window around {@code now}. */
    public static boolean timestampIsFresh(String timestamp, Instant now) {
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            return false;
        }
        return Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) <= WINDOW.toSeconds();
    }

    /** Checks the signature alone (not the timestamp, not replay). */
    public static boolean signatureIsValid(DeviceRequest request, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(canonical(request.method(), request.pathWithQuery(), request.timestamp(), request.body())
                    .getBytes(UTF_8));
            return verifier.verify(Base64.getDecoder().decode(request.signature()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not base64, not DER, not a signature at all: a refusal like any other, never a 500.
            return false;
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator()) && a.getOrder().equals(b.getOrder());
    }

    private static ECParameterSpec p256() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is missing from this JVM", e);
        }
    }
}
