package dev.openfactor.notification.channel.webpush;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.openfactor.notification.testdata.Rfc8291Decryptor;
import dev.openfactor.platform.webpush.P256;

/** RFC 8291 message encryption: the RFC's own example byte for byte, and round trips a browser can open. */
class Rfc8291EncryptionTest {

    // RFC 8291, Section 5 and Appendix A.
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6Tlz"
            + "AC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void reproducesTheRfcExampleExactly() {
        KeyPair ephemeral = new KeyPair(P256.publicKey(b64(AS_PUBLIC)), P256.privateKey(b64(AS_PRIVATE)));

        byte[] body = Rfc8291Encryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), P256.publicKey(b64(UA_PUBLIC)),
                b64(AUTH_SECRET), b64(SALT), ephemeral);

        assertEquals(BODY, Base64.getUrlEncoder().withoutPadding().encodeToString(body));
    }

    @Test
    void theTestsDecryptorOpensTheRfcExample() throws Exception {
        byte[] plain = Rfc8291Decryptor.decrypt(b64(BODY), P256.privateKey(b64(UA_PRIVATE)), P256.publicKey(b64(UA_PUBLIC)),
                b64(AUTH_SECRET));

        assertEquals(PLAINTEXT, new String(plain, StandardCharsets.UTF_8));
    }

    @Test
    void aBrowserWithRandomKeysDecryptsWhatWasSent() throws Exception {
        KeyPair browser = p256();
        byte[] auth = new byte[16];
        new java.security.SecureRandom().nextBytes(auth);
        byte[] plaintext = "{\"type\":\"push_challenge\",\"challengeId\":\"c-1\",\"title\":\"Approve sign-in?\"}".getBytes(StandardCharsets.UTF_8);
        Rfc8291Encryption encryption = new Rfc8291Encryption();

        byte[] first = encryption.encrypt(plaintext, (ECPublicKey) browser.getPublic(), auth);
        byte[] second = encryption.encrypt(plaintext, (ECPublicKey) browser.getPublic(), auth);

        assertArrayEquals(plaintext, Rfc8291Decryptor.decrypt(first, browser.getPrivate(), (ECPublicKey) browser.getPublic(), auth));
        assertArrayEquals(plaintext, Rfc8291Decryptor.decrypt(second, browser.getPrivate(), (ECPublicKey) browser.getPublic(), auth));
        assertFalse(Arrays.equals(Arrays.copyOf(first, 16), Arrays.copyOf(second, 16)), "a fresh salt per message");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 21, 86), Arrays.copyOfRange(second, 21, 86)), "a fresh key pair per message");
        assertEquals(Rfc8291Encryption.HEADER_BYTES + plaintext.length + 1 + 16, first.length);
    }

    @Test
    void anotherAuthSecretCannotDecrypt() {
        KeyPair browser = p256();
        byte[] body = new Rfc8291Encryption().encrypt("secret".getBytes(StandardCharsets.UTF_8), (ECPublicKey) browser.getPublic(),
                new byte[16]);
        byte[] wrong = new byte[16];
        wrong[0] = 1;

        assertThrows(javax.crypto.AEADBadTagException.class,
                () -> Rfc8291Decryptor.decrypt(body, browser.getPrivate(), (ECPublicKey) browser.getPublic(), wrong));
    }

    @Test
    void refusesAPayloadPushServicesWouldRefuse() {
        KeyPair browser = p256();
        Rfc8291Encryption encryption = new Rfc8291Encryption();
        byte[] largest = new byte[Rfc8291Encryption.MAX_PLAINTEXT];

        assertEquals(4096, encryption.encrypt(largest, (ECPublicKey) browser.getPublic(), new byte[16]).length);
        assertThrows(IllegalArgumentException.class,
                () -> encryption.encrypt(new byte[largest.length + 1], (ECPublicKey) browser.getPublic(), new byte[16]));
    }

    private static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
