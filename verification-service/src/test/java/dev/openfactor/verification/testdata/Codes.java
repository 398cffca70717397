package dev.openfactor.verification.testdata;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 written from the RFC for the tests' side (the phone), independent of platform's engine. */
public final class Codes {

    private Codes() {
    }

    public static String totp(byte[] secret, String algorithm, int digits, long step) {
        try {
            String mac = "Hmac" + algorithm;
            Mac hmac = Mac.getInstance(mac);
            hmac.init(new SecretKeySpec(secret, mac));
            byte[] h = hmac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0x0f;
            int binary = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % (int) Math.pow(10, digits));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RFC 6238 Appendix B seed for SHA1 ("12345678901234567890"). */
    public static byte[] rfcSeed() {
        return "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
