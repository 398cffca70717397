package dev.openfactor.platform.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.testing.PrivateKafkaBroker;
import dev.openfactor.platform.testing.PrometheusScrape;
import dev.openfactor.platform.testing.TestDevice;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Every refused device signature is the same 401 to the caller and a counted reason to the operator. */
@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class DeviceRefusalsTest {

    private static final String METRIC = "openfactor_security_device_refusals_total";

    @Inject
    DeviceAuthenticator authenticator;

    private final TestDevice device = new TestDevice();

    @Test
    void eachRefusalIsTheUniform401AndCountedByItsReason() {
        String id = "dev_" + UUID.randomUUID();
        String path = "/v1/devices/" + id + "/challenges";
        String now = Long.toString(Instant.now().getEpochSecond());
        Map<String, Double> before = counts();

        refuse(new DeviceRequest(id, null, "c2ln", "GET", path, new byte[0]), id);
        refuse(signed(id, path, now), "dev_someone-else");
        refuse(signed(id, path, now), id, Optional.empty());
        refuse(signed(id, path, Long.toString(Instant.now().minusSeconds(600).getEpochSecond())), id);
        DeviceRequest honest = signed(id, path, now);
        refuse(new DeviceRequest(id, now, device.sign("GET\n/elsewhere\n" + now + "\n" + TestDevice.sha256Hex("")), "GET",
                path, new byte[0]), id);
        authenticator.require(honest, id, Optional.of(device.publicKeyBase64()));
        refuse(honest, id);

        Map<String, Double> after = counts();
        for (String reason : before.keySet()) {
            assertEquals(before.get(reason) + 1, after.get(reason), reason);
        }
    }

    private DeviceRequest signed(String id, String path, String timestamp) {
        String signature = device.sign("GET\n" + path + "\n" + timestamp + "\n" + TestDevice.sha256Hex(""));
        return new DeviceRequest(id, timestamp, signature, "GET", path, "".getBytes(UTF_8));
    }

    private void refuse(DeviceRequest request, String pathDeviceId) {
        refuse(request, pathDeviceId, Optional.of(device.publicKeyBase64()));
    }

    private void refuse(DeviceRequest request, String pathDeviceId, Optional<String> key) {
        ProblemException refused = assertThrows(ProblemException.class, () -> authenticator.require(request, pathDeviceId, key));
        assertEquals(401, refused.kind().status());
        assertEquals("unauthorized", refused.code());
    }

    private static Map<String, Double> counts() {
        Map<String, Double> counts = new java.util.TreeMap<>();
        for (String reason : new String[] {"missing_header", "device_mismatch", "unknown_device", "stale_timestamp",
                "bad_signature", "replayed"}) {
            counts.put(reason, PrometheusScrape.value(METRIC, Map.of("reason", reason)));
        }
        return counts;
    }
}
