package dev.openfactor.platform.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The browser side of a Web Push subscription, as {@code PushManager.subscribe()} makes it: a
 * P-256 key pair and a 16-byte auth secret, and the push token an app sends, its
 * {@code PushSubscription.toJSON()}. The private key lets a push-service stand-in decrypt.
 */
public record BrowserSubscription(String endpoint, KeyPair keys, byte[] auth) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static BrowserSubscription at(String endpoint) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            RANDOM.nextBytes(auth);
            return new BrowserSubscription(endpoint, generator.generateKeyPair(), auth);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String p256dh() {
        return base64url(uncompressed((ECPublicKey) keys.getPublic()));
    }

    public String authBase64() {
        return base64url(auth);
    }

    /** Compact, as JSON.stringify(subscription) gives it. */
    public String token() {
        return token(endpoint, p256dh(), authBase64());
    }

    public static String token(String endpoint, String p256dh, String auth) {
        return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + p256dh
                + "\",\"auth\":\"" + auth + "\"}}";
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy(key.getW().getAffineX().toByteArray(), out, 1);
        copy(key.getW().getAffineY().toByteArray(), out, 33);
        return out;
    }

    private static void copy(byte[] value, byte[] out, int offset) {
        int skip = Math.max(0, value.length - 32);
        System.arraycopy(value, skip, out, offset + 32 - (value.length - skip), value.length - skip);
    }
}
