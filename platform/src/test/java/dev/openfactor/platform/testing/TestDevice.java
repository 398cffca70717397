package dev.openfactor.platform.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A phone app as the tests play it: its own P-256 key pair, made here with the JDK, and
 * request signing written from API.md (not from the service's code).
 */
public final class TestDevice {

    private final KeyPair keys;
    private String deviceId;

    public TestDevice() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public void deviceId(String id) {
        this.deviceId = id;
    }

    public String deviceId() {
        return deviceId;
    }

    /** A request carrying the three signature headers over METHOD, path, timestamp and body hash. */
    public RequestSpecification signed(String method, String path, String body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = sign(method + "\n" + path + "\n" + timestamp + "\n" + sha256Hex(body));
        return headers(deviceId, timestamp, signature).contentType(ContentType.JSON).body(body);
    }

    public static RequestSpecification headers(String deviceId, String timestamp, String signature) {
        return given().header("X-OpenFactor-Device", deviceId)
                .header("X-OpenFactor-Timestamp", timestamp)
                .header("X-OpenFactor-Signature", signature);
    }

    public String sign(String canonical) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ecdsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
