package dev.openfactor.verification.testdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.openfactor.platform.crypto.AssociatedData;
import dev.openfactor.platform.crypto.KeyRing;
import dev.openfactor.platform.otp.RecoveryCodeHashes;
import dev.openfactor.platform.testing.TestDevice;

/**
 * Builds {@code dev.openfactor.profile.snapshot.v1} payloads the way enrollment-service's schema
 * describes them: TOTP secrets sealed under the test KEK, recovery codes salted and hashed.
 */
public final class ProfileBuilder {

    /** The test key-encryption key, the same test ring both services' %test profiles hold. */
    public static final KeyRing KEK = KeyRing.parse("kek", "t1", "t1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    private final String tenantId;
    private final String userId;
    private long version = 1;
    private String defaultMethodId;
    private final List<Map<String, Object>> methods = new ArrayList<>();

    public ProfileBuilder(String tenantId, String userId) {
        this.tenantId = tenantId;
        this.userId = userId;
    }

    public ProfileBuilder version(long v) {
        this.version = v;
        return this;
    }

    public ProfileBuilder defaultMethod(String methodId) {
        this.defaultMethodId = methodId;
        return this;
    }

    /** A third-party TOTP credential; returns its method id. */
    public String totp(byte[] secret, String algorithm, int digits, int period) {
        String methodId = UUID.randomUUID().toString();
        Map<String, Object> m = method(methodId, "totp");
        m.put("totp", totpEntry(methodId, secret, algorithm, digits, period));
        methods.add(m);
        return methodId;
    }

    /** A third-party TOTP credential confirmed at enrollment with the code of {@code confirmedStep}. */
    public String confirmedTotp(byte[] secret, String algorithm, int digits, int period, long confirmedStep) {
        String methodId = totp(secret, algorithm, digits, period);
        @SuppressWarnings("unchecked")
        Map<String, Object> totp = (Map<String, Object>) methods.get(methods.size() - 1).get("totp");
        totp.put("lastAcceptedStep", confirmedStep);
        return methodId;
    }

    /** The authenticator app: its device (key, push token) and its code generator. */
    public String app(TestDevice device, String deviceId, String pushToken, byte[] secret) {
        return app(device, deviceId, pushToken == null ? "none" : "apns", pushToken, secret);
    }

    /** The app on a given push platform: apns, fcm, webpush (token: the browser's subscription JSON) or none. */
    public String app(TestDevice device, String deviceId, String pushPlatform, String pushToken, byte[] secret) {
        String methodId = UUID.randomUUID().toString();
        Map<String, Object> m = method(methodId, "authenticator_app");
        m.put("totp", totpEntry(methodId, secret, "SHA1", 6, 30));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("deviceId", deviceId);
        d.put("publicKey", device.publicKeyBase64());
        d.put("pushPlatform", pushPlatform);
        d.put("pushToken", pushToken);
        d.put("pushTokenValid", pushToken != null);
        d.put("deviceName", "iPhone");
        m.put("device", d);
        methods.add(m);
        return methodId;
    }

    public String phone(String phoneType, String number, String extension, String channel) {
        String methodId = UUID.randomUUID().toString();
        Map<String, Object> m = method(methodId, "phone");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phoneType", phoneType);
        p.put("number", number);
        p.put("extension", extension);
        p.put("channel", channel);
        m.put("phone", p);
        methods.add(m);
        return methodId;
    }

    /** A recovery-code set with these codes, hashed by the class enrollment-service hashes them with. */
    public String recoveryCodes(List<String> codes) {
        RecoveryCodeHashes set = RecoveryCodeHashes.of(codes, 10_000); // the stored count is what verification reads
        return recoveryCodeSet(Map.of("kdf", set.kdf(), "iterations", set.iterations(), "salt", set.salt(),
                "hashes", set.hashes()));
    }

    /** A set in the first releases' format, SHA-256(salt ‖ code) with no kdf field, as old snapshots carry it. */
    public String legacyRecoveryCodes(List<String> codes) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        List<String> hashes = codes.stream().map(c -> Base64.getEncoder().encodeToString(sha256(salt, c))).toList();
        return recoveryCodeSet(Map.of("salt", Base64.getEncoder().encodeToString(salt), "hashes", hashes));
    }

    private String recoveryCodeSet(Map<String, Object> stored) {
        String methodId = UUID.randomUUID().toString();
        Map<String, Object> m = method(methodId, "recovery_codes");
        m.put("recoveryCodes", stored);
        methods.add(m);
        return methodId;
    }

    public Map<String, Object> build() {
        boolean registered = methods.stream().anyMatch(m -> !"recovery_codes".equals(m.get("type")));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tenantId", tenantId);
        p.put("userId", userId);
        p.put("tenantDisplayName", "Contoso");
        p.put("version", version);
        p.put("mfaRequired", true);
        p.put("registrationState", registered ? "registered" : "required");
        p.put("defaultMethodId", defaultMethodId);
        p.put("methods", methods);
        return p;
    }

    private static Map<String, Object> method(String methodId, String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("methodId", methodId);
        m.put("type", type);
        m.put("label", type);
        m.put("status", "active");
        m.put("createdAt", Instant.now().toString());
        return m;
    }

    private Map<String, Object> totpEntry(String methodId, byte[] secret, String algorithm, int digits, int period) {
        var envelope = KEK.seal(secret, AssociatedData.method(tenantId, methodId));
        Map<String, Object> totp = new LinkedHashMap<>();
        totp.put("algorithm", algorithm);
        totp.put("digits", digits);
        totp.put("period", period);
        totp.put("secret", Map.of("kid", envelope.kid(), "iv", envelope.iv(), "ciphertext", envelope.ciphertext()));
        return totp;
    }

    private static byte[] sha256(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.replace("-", "").toUpperCase().getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
