package dev.openfactor.platform.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A phone app as the tests play it: a {@link DeviceKey} and the id enrollment gave it, signing REST Assured requests. */
public final class TestDevice {

    private final DeviceKey key = new DeviceKey();
    private String deviceId;

    public String publicKeyBase64() {
        return key.publicKeyBase64();
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
        return headers(deviceId, timestamp, key.signRequest(method, path, timestamp, body)).contentType(ContentType.JSON).body(body);
    }

    public static RequestSpecification headers(String deviceId, String timestamp, String signature) {
        return given().header("X-OpenFactor-Device", deviceId)
                .header("X-OpenFactor-Timestamp", timestamp)
                .header("X-OpenFactor-Signature", signature);
    }

    public String sign(String canonical) {
        return key.sign(canonical);
    }

    public static String sha256Hex(String body) {
        return DeviceKey.sha256Hex(body);
    }
}
