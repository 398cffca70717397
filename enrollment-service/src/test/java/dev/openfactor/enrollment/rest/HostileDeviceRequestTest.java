package dev.openfactor.enrollment.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.platform.testing.HostileDeviceRequests;
import dev.openfactor.platform.testing.HostileDeviceRequests.Headers;
import dev.openfactor.platform.testing.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** API.md: every device-signature failure is the same 401, whatever the headers or path hold. */
@QuarkusTest
class HostileDeviceRequestTest {

    private static final String BODY = "{\"pushPlatform\":\"fcm\",\"pushToken\":\"fcm-registration-token-2\"}";

    @Test
    void everyMalformedSignatureHeaderOnPushTokenGetsTheSame401AsAWrongSignature() {
        TestDevice device = pairedDevice();
        String path = "/v1/devices/" + device.deviceId() + "/push-token";
        Response reference = HostileDeviceRequests.wrongSignature(device).spec().body(BODY).put(path);

        for (Headers spoiled : HostileDeviceRequests.around(device, "PUT", path, BODY)) {
            HostileDeviceRequests.assertSameRefusal(reference, spoiled.spec().body(BODY).put(path), spoiled.why());
        }
    }

    @Test
    void everyMalformedSignatureHeaderOnUnregisterGetsTheSame401AsAWrongSignature() {
        TestDevice device = pairedDevice();
        String path = "/v1/devices/" + device.deviceId();
        Response reference = HostileDeviceRequests.wrongSignature(device).spec().delete(path);

        for (Headers spoiled : HostileDeviceRequests.around(device, "DELETE", path, "")) {
            HostileDeviceRequests.assertSameRefusal(reference, spoiled.spec().delete(path), spoiled.why());
        }
    }

    @Test
    void aDeviceIdInThePathThatCannotBeValidGetsTheSame401() {
        TestDevice device = pairedDevice();
        Response reference = HostileDeviceRequests.wrongSignature(device).spec().body(BODY)
                .put("/v1/devices/" + device.deviceId() + "/push-token");

        for (String hostileId : new String[] { device.deviceId() + "%00", "%00", "a%01b", "x".repeat(300), "%C3%28" }) {
            String path = "/v1/devices/" + hostileId + "/push-token";
            TestDevice impostor = new TestDevice();
            impostor.deviceId(hostileId);
            Response signedForThatPath = impostor.signed("PUT", path, BODY, Instant.now()).urlEncodingEnabled(false).put(path);
            HostileDeviceRequests.assertSameRefusal(reference, signedForThatPath, "path device id " + hostileId);
        }
    }

    @Test
    void aMalformedBodyIsRefusedOnlyAfterTheSignatureIsChecked() {
        TestDevice device = pairedDevice();
        String path = "/v1/devices/" + device.deviceId() + "/push-token";
        String junk = "{\"pushPlatform\":\"\\u0000\",\"pushToken\":[1,2]}";
        Response reference = HostileDeviceRequests.wrongSignature(device).spec().body(BODY).put(path);

        HostileDeviceRequests.assertSameRefusal(reference, HostileDeviceRequests.wrongSignature(device).spec().body(junk).put(path),
                "unsigned junk body");
        device.signed("PUT", path, junk, Instant.now()).put(path)
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("pushPlatform"));
    }

    private static TestDevice pairedDevice() {
        TestDevice device = new TestDevice();
        Activations.pair(Tenants.create("Contoso"), Tenants.newUserId(), device);
        return device;
    }
}
