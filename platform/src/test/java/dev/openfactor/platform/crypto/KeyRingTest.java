package dev.openfactor.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_B = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    private static final byte[] SECRET = "12345678901234567890".getBytes();

    private final KeyRing ring = KeyRing.parse("kek", "a", "a:" + KEY_A);

    @Test
    void sealedSecretOpensWithTheSameContext() {
        SecretEnvelope envelope = ring.seal(SECRET, "tenant/user");

        assertEquals("a", envelope.kid());
        assertEquals(12, Base64.getDecoder().decode(envelope.iv()).length);
        assertArrayEquals(SECRET, ring.open(envelope, "tenant/user"));
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertNotEquals(ring.seal(SECRET, null).iv(), ring.seal(SECRET, null).iv());
    }

    @Test
    void tamperedCiphertextFails() {
        SecretEnvelope envelope = ring.seal(SECRET, "ctx");
        byte[] bytes = Base64.getDecoder().decode(envelope.ciphertext());
        bytes[0] ^= 1;
        SecretEnvelope tampered = new SecretEnvelope(envelope.kid(), envelope.iv(), Base64.getEncoder().encodeToString(bytes));

        assertThrows(EnvelopeException.class, () -> ring.open(tampered, "ctx"));
    }

    @Test
    void envelopeMovedToAnotherContextFails() {
        SecretEnvelope envelope = ring.seal(SECRET, "tenant-a/user");

        assertThrows(EnvelopeException.class, () -> ring.open(envelope, "tenant-b/user"));
    }

    /** One cipher serves a thread's envelopes in turn: a failed open leaves nothing behind for the next. */
    @Test
    void aThreadKeepsSealingAndOpeningAfterAFailure() {
        KeyRing other = KeyRing.parse("delivery", "b", "b:" + KEY_B);
        SecretEnvelope first = ring.seal(SECRET, "tenant-a/user");

        assertThrows(EnvelopeException.class, () -> ring.open(first, "tenant-b/user"));
        SecretEnvelope second = other.seal("other".getBytes(), "ctx");
        assertArrayEquals(SECRET, ring.open(first, "tenant-a/user"));
        assertArrayEquals("other".getBytes(), other.open(second, "ctx"));
        assertArrayEquals(SECRET, ring.open(first, "tenant-a/user"));
    }

    @Test
    void unknownKeyIdFails() {
        SecretEnvelope envelope = ring.seal(SECRET, "ctx");
        SecretEnvelope relabelled = new SecretEnvelope("z", envelope.iv(), envelope.ciphertext());

        EnvelopeException e = assertThrows(EnvelopeException.class, () -> ring.open(relabelled, "ctx"));
        assertTrue(e.getMessage().contains("'z'"));
    }

    @Test
    void wrongKeyUnderTheSameIdFails() {
        SecretEnvelope envelope = ring.seal(SECRET, "ctx");
        KeyRing impostor = KeyRing.parse("kek", "a", "a:" + KEY_B);

        assertThrows(EnvelopeException.class, () -> impostor.open(envelope, "ctx"));
    }

    @Test
    void rotationKeepsOldEnvelopesReadable() {
        SecretEnvelope old = ring.seal(SECRET, "ctx");
        KeyRing rotated = KeyRing.parse("kek", "b", "a:" + KEY_A + ",b:" + KEY_B);

        assertArrayEquals(SECRET, rotated.open(old, "ctx"));
        assertTrue(rotated.needsRotation(old));
        SecretEnvelope resealed = rotated.seal(SECRET, "ctx");
        assertEquals("b", resealed.kid());
        assertFalse(rotated.needsRotation(resealed));
    }

    @Test
    void configurationErrorsNameNoKeyMaterial() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> KeyRing.parse("kek", "a", "a:c2hvcnQ="));
        assertFalse(shortKey.getMessage().contains("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("kek", "missing", "a:" + KEY_A));
        assertFalse(ring.toString().contains(KEY_A));
    }
}
