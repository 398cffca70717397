package dev.openfactor.enrollment.testdata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, deliberately separate TOTP computation for tests (the app's side of the pairing):
 * decodes the base32 secret the API handed out and computes the code for a time.
 */
public final class IndependentTotp {

    private IndependentTotp() {
    }

    public static String code(String base32Secret, String algorithm, int digits, int period, long epochSeconds) {
        try {
            String macName = "Hmac" + algorithm;
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(base32Decode(base32Secret), macName));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / period).array());
            int o = h[h.length - 1] & 0xf;
            long bin = ((h[o] & 0x7fL) << 24) | ((h[o + 1] & 0xffL) << 16) | ((h[o + 2] & 0xffL) << 8) | (h[o + 3] & 0xffL);
            return String.format("%0" + digits + "d", bin % (long) Math.pow(10, digits));
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
