package dev.openfactor.prompt.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.openfactor.prompt.config.PromptConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * AES-256-GCM under the data key for what must rest encrypted (tenants' API keys, signing keys).
 * The associated data binds a sealed value to its row, so a value copied into another row does not open.
 */
@ApplicationScoped
public class Sealer {

    private static final int IV_BYTES = 12;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    Sealer(PromptConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.dataKey().trim());
        if (raw.length != 32) {
            throw new IllegalArgumentException("openfactor.prompt.data-key must be base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String seal(byte[] plain, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public byte[] open(String sealed, String associatedData) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // Most often another installation's database (a second local checkout, say), sealed under its own key.
            throw new IllegalStateException("a value sealed in the database does not open under openfactor.prompt.data-key:"
                    + " start with the data key this database was created with, or point at an empty database", e);
        }
    }
}
