package dev.openfactor.platform.otp;

import java.security.GeneralSecurityException;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2 (RFC 8018) from the JDK's provider; the password's characters are encoded as UTF-8. */
public final class Pbkdf2 {

    private Pbkdf2() {
    }

    /** PBKDF2-HMAC-SHA256 of {@code length} bytes. The spec's copy of the password is wiped afterwards. */
    public static byte[] sha256(char[] password, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
