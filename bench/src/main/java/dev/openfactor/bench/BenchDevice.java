package dev.openfactor.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import dev.openfactor.platform.testing.DeviceKey;

/** A phone app for the load generator: the tests' {@link DeviceKey}, signing JDK HTTP requests. */
final class BenchDevice {

    private final DeviceKey key = new DeviceKey();
    private volatile String deviceId;

    String publicKeyBase64() {
        return key.publicKeyBase64();
    }

    void deviceId(String id) {
        this.deviceId = id;
    }

    String deviceId() {
        return deviceId;
    }

    HttpRequest signed(String method, String baseUrl, String path, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-OpenFactor-Device", deviceId)
                .header("X-OpenFactor-Timestamp", timestamp)
                .header("X-OpenFactor-Signature", key.signRequest(method, path, timestamp, body))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
