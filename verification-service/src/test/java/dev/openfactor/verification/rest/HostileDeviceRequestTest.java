package dev.openfactor.verification.rest;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.HostileDeviceRequests;
import dev.openfactor.platform.testing.HostileDeviceRequests.Headers;
import dev.openfactor.platform.testing.TestDevice;
import dev.openfactor.verification.testdata.AppUser;
import dev.openfactor.verification.testdata.SignInTenant;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** API.md: every device-signature failure is the same 401, whatever the headers or path hold. */
@QuarkusTest
class HostileDeviceRequestTest extends SignInSuite {

    private static final String APPROVE = "{\"decision\":\"approve\",\"numberMatch\":\"42\"}";

    @Test
    void everyMalformedSignatureHeaderOnPendingGetsTheSame401AsAWrongSignature() {
        TestDevice device = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles).device();
        String path = "/v1/devices/" + device.deviceId() + "/challenges";
        Response reference = HostileDeviceRequests.wrongSignature(device).spec().get(path);

        for (Headers spoiled : HostileDeviceRequests.around(device, "GET", path, "")) {
            HostileDeviceRequests.assertSameRefusal(reference, spoiled.spec().get(path), spoiled.why());
        }
    }

    @Test
    void everyMalformedSignatureHeaderOnAResponseGetsTheSame401AsAWrongSignature() {
        TestDevice device = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles).device();
        String path = "/v1/devices/" + device.deviceId() + "/challenges/" + java.util.UUID.randomUUID() + "/response";
        Response reference = HostileDeviceRequests.wrongSignature(device).spec().body(APPROVE).post(path);

        for (Headers spoiled : HostileDeviceRequests.around(device, "POST", path, APPROVE)) {
            HostileDeviceRequests.assertSameRefusal(reference, spoiled.spec().body(APPROVE).post(path), spoiled.why());
        }
    }

    @Test
    void aDeviceOrChallengeIdInThePathThatCannotBeValidGetsTheSame401() {
        TestDevice device = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles).device();
        Response reference = HostileDeviceRequests.wrongSignature(device).spec().get("/v1/devices/" + device.deviceId() + "/challenges");

        for (String path : new String[] { "/v1/devices/" + device.deviceId() + "%00/challenges",
                "/v1/devices/" + "x".repeat(300) + "/challenges",
                "/v1/devices/" + device.deviceId() + "/challenges/a%00b/response",
                "/v1/devices/" + device.deviceId() + "/challenges/" + "y".repeat(300) + "/response" }) {
            boolean post = path.endsWith("/response");
            Response signedForThatPath = device.signed(post ? "POST" : "GET", path, post ? APPROVE : "", Instant.now())
                    .urlEncodingEnabled(false).request(post ? "POST" : "GET", path);
            HostileDeviceRequests.assertSameRefusal(reference, signedForThatPath, path);
        }
    }
}
