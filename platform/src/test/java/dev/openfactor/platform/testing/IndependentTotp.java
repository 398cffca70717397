package dev.openfactor.platform.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, deliberately separate TOTP computation (RFC 6238 from the RFC text) for tests and the
 * bench: the app's side of a pairing, which decodes the base32 secret the API handed out and
 * computes the code for a time, as a phone would.
 */
public final class IndependentTotp {

    private IndependentTotp() {
    }

    public static String code(String base32Secret, String algorithm, int digits, int period, long epochSeconds) {
        return atStep(base32Decode(base32Secret), algorithm, digits, epochSeconds / period);
    }

    /** The code of time step {@code step} (RFC 4226's counter). */
    public static String atStep(byte[] secret, String algorithm, int digits, long step) {
        try {
            String macName = "Hmac" + algorithm;
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(secret, macName));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            long bin = ((h[o] & 0x7fL) << 24) | ((h[o + 1] & 0xffL) << 16) | ((h[o + 2] & 0xffL) << 8) | (h[o + 3] & 0xffL);
            return String.format(Locale.ROOT, "%0" + digits + "d", bin % (long) Math.pow(10, digits));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] base32Decode(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
