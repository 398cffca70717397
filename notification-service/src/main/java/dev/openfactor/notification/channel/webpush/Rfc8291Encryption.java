package dev.openfactor.notification.channel.webpush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.openfactor.platform.webpush.P256;

/**
 * RFC 8291 message encryption for Web Push in the {@code aes128gcm} content coding of RFC 8188:
 * ECDH between a fresh key pair and the browser's key, HKDF-SHA256 keyed by the auth secret, one
 * AES-128-GCM record. Body: salt(16) ‖ rs(4) = 4096 ‖ idlen(1) = 65 ‖ keyid = the ephemeral public
 * key ‖ ciphertext of (plaintext ‖ 0x02).
 */
final class Rfc8291Encryption {

    static final int RECORD_SIZE = 4096;
    static final int HEADER_BYTES = 16 + 4 + 1 + P256.POINT_BYTES;
    private static final int TAG_BYTES = 16;
    /** Push services take at most 4096 bytes of body; the header, tag and delimiter come off that. */
    static final int MAX_PLAINTEXT = RECORD_SIZE - HEADER_BYTES - TAG_BYTES - 1;

    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();

    /** A fresh salt and ephemeral key pair for each message, as RFC 8291 requires. */
    byte[] encrypt(byte[] plaintext, ECPublicKey userAgentKey, byte[] authSecret) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return encrypt(plaintext, userAgentKey, authSecret, salt, ephemeralKeyPair());
    }

    /** With the salt and key pair given: RFC 8291 Appendix A is reproduced exactly this way. */
    static byte[] encrypt(byte[] plaintext, ECPublicKey userAgentKey, byte[] authSecret, byte[] salt, KeyPair ephemeral) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("payload longer than " + MAX_PLAINTEXT + " bytes");
        }
        try {
            byte[] uaPublic = P256.uncompressed(userAgentKey);
            byte[] asPublic = P256.uncompressed((ECPublicKey) ephemeral.getPublic());
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(ephemeral.getPrivate());
            ecdh.doPhase(userAgentKey, true);
            byte[] ecdhSecret = ecdh.generateSecret();

            byte[] prkKey = hmac(authSecret, ecdhSecret);
            byte[] ikm = hmac(prkKey, concat(KEY_INFO, uaPublic, asPublic, new byte[] {1}));
            byte[] prk = hmac(salt, ikm);
            byte[] cek = Arrays.copyOf(hmac(prk, concat(CEK_INFO, new byte[] {1})), 16);
            byte[] nonce = Arrays.copyOf(hmac(prk, concat(NONCE_INFO, new byte[] {1})), 12);

            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            byte[] ciphertext = aes.doFinal(concat(plaintext, new byte[] {2})); // 0x02: the last (only) record

            return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length).put(salt).putInt(RECORD_SIZE)
                    .put((byte) asPublic.length).put(asPublic).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed", e);
        }
    }

    private static KeyPair ephemeralKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /** HKDF's extract and (single-block) expand steps are both one HMAC-SHA256. */
    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
