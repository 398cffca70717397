package dev.openfactor.notification.testdata;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's side of RFC 8291 / RFC 8188 aes128gcm, written from the RFCs for the tests and
 * sharing no code with the sender: reads the header (salt, rs, keyid = the sender's ephemeral
 * public key), derives CEK and nonce from the browser's private key and auth secret, decrypts the
 * one record and strips the padding up to its 0x02 delimiter.
 */
public final class Rfc8291Decryptor {

    private Rfc8291Decryptor() {
    }

    public static byte[] decrypt(byte[] body, PrivateKey uaPrivate, ECPublicKey uaPublic, byte[] authSecret) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int rs = in.getInt();
        int idlen = in.get() & 0xff;
        if (idlen != 65 || rs < 18) {
            throw new IllegalArgumentException("bad aes128gcm header: idlen " + idlen + ", rs " + rs);
        }
        byte[] asPublic = new byte[idlen];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > rs) {
            throw new IllegalArgumentException("more than one record");
        }

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(uaPrivate);
        ecdh.doPhase(point(asPublic, uaPublic), true);
        byte[] ecdhSecret = ecdh.generateSecret();

        byte[] keyInfo = join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), raw(uaPublic), asPublic, new byte[] {1});
        byte[] ikm = hmac(hmac(authSecret, ecdhSecret), keyInfo);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, join("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, join("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1})), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("the last record must end with the 0x02 delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    /** 0x04 ‖ x ‖ y, each coordinate left-padded to 32 bytes. */
    public static byte[] raw(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        int xs = Math.max(0, x.length - 32);
        int ys = Math.max(0, y.length - 32);
        System.arraycopy(x, xs, out, 1 + 32 - (x.length - xs), x.length - xs);
        System.arraycopy(y, ys, out, 33 + 32 - (y.length - ys), y.length - ys);
        return out;
    }

    /** An uncompressed point as a key on the same curve as {@code like}. */
    public static ECPublicKey point(byte[] uncompressed, ECPublicKey like) throws Exception {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), like.getParams()));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] join(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
