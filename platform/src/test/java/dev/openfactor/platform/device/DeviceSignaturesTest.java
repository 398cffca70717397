package dev.openfactor.platform.device;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Known-answer vectors from shared/test-vectors/device-signature.json, made by an independent implementation. */
class DeviceSignaturesTest {

    static JsonNode vectors() throws Exception {
        Path file = Path.of(System.getProperty("openfactor.shared.dir", "../../shared"), "test-vectors", "device-signature.json");
        return new ObjectMapper().readTree(Files.readString(file));
    }

    static Stream<JsonNode> cases() throws Exception {
        return Stream.of(vectors().get("cases").elements()).flatMap(it -> {
            Stream.Builder<JsonNode> b = Stream.builder();
            it.forEachRemaining(b);
            return b.build();
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void canonicalStringMatchesTheVector(JsonNode c) {
        assertEquals(c.get("canonical").asText(), DeviceSignatures.canonical(c.get("method").asText(),
                c.get("pathWithQuery").asText(), c.get("timestamp").asText(), c.get("body").asText().getBytes(UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void signatureVerdictMatchesTheVector(JsonNode c) throws Exception {
        PublicKey key = DeviceSignatures.parseP256PublicKey(vectors().get("publicKeySpkiBase64").asText()).orElseThrow();
        DeviceRequest request = new DeviceRequest("dev_7Hq2", c.get("timestamp").asText(), c.get("signature").asText(),
                c.get("method").asText(), c.get("pathWithQuery").asText(), c.get("body").asText().getBytes(UTF_8));

        assertEquals(c.get("valid").asBoolean(), DeviceSignatures.signatureIsValid(request, key));
    }

    @Test
    void signatureForAnotherPathIsInvalid() throws Exception {
        JsonNode c = vectors().get("cases").get(0);
        PublicKey key = DeviceSignatures.parseP256PublicKey(vectors().get("publicKeySpkiBase64").asText()).orElseThrow();
        DeviceRequest moved = new DeviceRequest("dev_7Hq2", c.get("timestamp").asText(), c.get("signature").asText(),
                c.get("method").asText(), "/v1/devices/dev_OTHER/challenges", new byte[0]);

        assertFalse(DeviceSignatures.signatureIsValid(moved, key));
    }

    @Test
    void timestampWindowIsSixtySecondsEachWay() {
        Instant now = Instant.ofEpochSecond(1767225600);
        assertTrue(DeviceSignatures.timestampIsFresh("1767225660", now));
        assertTrue(DeviceSignatures.timestampIsFresh("1767225540", now));
        assertFalse(DeviceSignatures.timestampIsFresh("1767225661", now));
        assertFalse(DeviceSignatures.timestampIsFresh("1767225539", now));
        assertFalse(DeviceSignatures.timestampIsFresh("soon", now));
    }

    @Test
    void onlyP256KeysAreAccepted() throws Exception {
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        String p384Key = Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaKey = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());

        assertTrue(DeviceSignatures.parseP256PublicKey(vectors().get("publicKeySpkiBase64").asText()).isPresent());
        assertFalse(DeviceSignatures.parseP256PublicKey(p384Key).isPresent());
        assertFalse(DeviceSignatures.parseP256PublicKey(rsaKey).isPresent());
        assertFalse(DeviceSignatures.parseP256PublicKey("not base64 !").isPresent());
    }
}
