package dev.openfactor.platform.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * AES-256-GCM keys by id. New envelopes are sealed with the active key; any key still in the
 * ring opens the envelopes it sealed, which is what makes rotation possible. The associated
 * data binds an envelope to its context (for example tenant and user), so a ciphertext copied
 * to another record does not open.
 */
public final class KeyRing {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One AES-GCM cipher per thread, initialised afresh for every envelope: {@code getInstance}
     * looks up the provider on each call, which was most of the cost of opening a TOTP secret.
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(KeyRing::newGcm);

    private final String name;
    private final String activeKid;
    private final Map<String, SecretKey> keys;

    private KeyRing(String name, String activeKid, Map<String, SecretKey> keys) {
        if (!keys.containsKey(activeKid)) {
            throw new IllegalArgumentException("key ring '" + name + "': active key id '" + activeKid + "' is not among its keys");
        }
        this.name = name;
        this.activeKid = activeKid;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Parses {@code kid1:base64key,kid2:base64key}; each key must be 32 bytes. Error messages
     * name key ids, never key material.
     */
    public static KeyRing parse(String name, String activeKid, String spec) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("key ring '" + name + "': entries must look like <kid>:<base64 key>");
            }
            String kid = trimmed.substring(0, colon);
            keys.put(kid, decodeKey(name, kid, trimmed.substring(colon + 1)));
        }
        return new KeyRing(name, activeKid, keys);
    }

    public String activeKid() {
        return activeKid;
    }

    public SecretEnvelope seal(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKid), iv, associatedData);
            Base64.Encoder b64 = Base64.getEncoder();
            return new SecretEnvelope(activeKid, b64.encodeToString(iv), b64.encodeToString(cipher.doFinal(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException("key ring '" + name + "': sealing failed", e);
        }
    }

    public SecretEnvelope sealString(String plaintext, String associatedData) {
        return seal(plaintext.getBytes(UTF_8), associatedData);
    }

    public byte[] open(SecretEnvelope envelope, String associatedData) {
        SecretKey key = keys.get(envelope.kid());
        if (key == null) {
            throw new EnvelopeException("key ring '" + name + "' has no key '" + envelope.kid() + "'");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, b64.decode(envelope.iv()), associatedData);
            return cipher.doFinal(b64.decode(envelope.ciphertext()));
        } catch (AEADBadTagException e) {
            throw new EnvelopeException("key ring '" + name + "': envelope failed authentication");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new EnvelopeException("key ring '" + name + "': envelope is malformed");
        }
    }

    public String openString(SecretEnvelope envelope, String associatedData) {
        return new String(open(envelope, associatedData), UTF_8);
    }

    /** True if the envelope was sealed with a key other than the active one and should be re-sealed. */
    public boolean needsRotation(SecretEnvelope envelope) {
        return !activeKid.equals(envelope.kid());
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String associatedData) throws GeneralSecurityException {
        if (iv.length != IV_BYTES) {
            throw new GeneralSecurityException("bad nonce length");
        }
        Cipher cipher = GCM.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        if (associatedData != null) {
            cipher.updateAAD(associatedData.getBytes(UTF_8));
        }
        return cipher;
    }

    private static Cipher newGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES/GCM", e);
        }
    }

    private static SecretKey decodeKey(String ring, String kid, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key ring '" + ring + "': key '" + kid + "' is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("key ring '" + ring + "': key '" + kid + "' must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "KeyRing[" + name + ", active=" + activeKid + ", kids=" + keys.keySet() + "]";
    }
}
