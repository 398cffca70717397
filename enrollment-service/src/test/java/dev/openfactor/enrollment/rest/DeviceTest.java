package dev.openfactor.enrollment.rest;

import static dev.openfactor.enrollment.rest.AuthenticatorActivationTest.userPath;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.testdata.DeliveryReports;
import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.TestDevice;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class DeviceTest {

    private static final String NEW_TOKEN_BODY = "{\"pushPlatform\":\"fcm\",\"pushToken\":\"fcm-registration-token-2\"}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void appRotatesItsPushTokenWithASignedRequest() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.pair(tenant, user, device);
        String path = "/v1/devices/" + device.deviceId() + "/push-token";

        device.signed("PUT", path, NEW_TOKEN_BODY, Instant.now()).put(path).then().statusCode(204);

        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200)
                .body("methods[0].pushPlatform", equalTo("fcm"))
                .body("methods[0].pushTokenValid", equalTo(true));
        assertTrue(awaitSnapshotContaining(tenant, user, "fcm-registration-token-2"));
    }

    @Test
    void everySignatureFailureIsTheSame401() {
        TestTenant tenant = Tenants.create("Contoso");
        TestDevice device = new TestDevice();
        Activations.pair(tenant, Tenants.newUserId(), device);
        TestDevice stranger = new TestDevice();
        stranger.deviceId(device.deviceId());
        String path = "/v1/devices/" + device.deviceId() + "/push-token";
        Instant now = Instant.now();

        String timestamp = Long.toString(now.getEpochSecond());
        String signature = device.sign("PUT\n" + path + "\n" + timestamp + "\n" + TestDevice.sha256Hex(NEW_TOKEN_BODY));
        TestDevice.headers(device.deviceId(), timestamp, signature).contentType("application/json").body(NEW_TOKEN_BODY)
                .put(path).then().statusCode(204);
        List<Response> refused = List.of(
                TestDevice.headers(device.deviceId(), timestamp, signature).contentType("application/json")
                        .body(NEW_TOKEN_BODY).put(path),                                         // replayed as captured
                device.signed("PUT", path, NEW_TOKEN_BODY, now).put(path),                       // same request, re-signed
                device.signed("PUT", path, NEW_TOKEN_BODY, now.minusSeconds(120)).put(path),     // stale
                device.signed("PUT", path, "{\"pushPlatform\":\"none\"}", now)                   // tampered body
                        .body("{\"pushPlatform\":\"apns\",\"pushToken\":\"attacker\"}").put(path),
                stranger.signed("PUT", path, NEW_TOKEN_BODY, now).put(path),                     // wrong key
                TestDevice.headers(device.deviceId(), Long.toString(now.getEpochSecond()), "bm90IGEgc2lnbmF0dXJl")
                        .contentType("application/json").body(NEW_TOKEN_BODY).put(path));       // garbage signature
        String body = refused.get(0).asString();
        for (Response r : refused) {
            assertEquals(401, r.statusCode());
            assertEquals(body, r.asString());
        }
        assertTrue(body.contains("\"code\":\"unauthorized\""));
    }

    @Test
    void appUnregistersItselfAndTheEmptiedProfileIsPublished() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.pair(tenant, user, device);
        String path = "/v1/devices/" + device.deviceId();

        device.signed("DELETE", path, "", Instant.now()).delete(path).then().statusCode(204);

        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200)
                .body("methods", empty()).body("defaultMethodId", nullValue());
        assertTrue(awaitSnapshotContaining(tenant, user, "\"methods\":[]"));
        device.signed("DELETE", path, "", Instant.now().plusSeconds(1)).delete(path).then().statusCode(401);
    }

    @Test
    void providerReportOfAnUnregisteredTokenRetiresIt() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.pair(tenant, user, device);

        DeliveryReports.publish(bootstrapServers, tenant.tenantId(), user, device.deviceId(), "apns", "address_invalid", "Unregistered");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean retired = false;
        while (!retired && System.nanoTime() < deadline) {
            retired = Boolean.FALSE.equals(tenant.asFrontend().get(userPath(user, "")).then().statusCode(200)
                    .extract().path("methods[0].pushTokenValid"));
            Thread.sleep(200);
        }
        assertTrue(retired, "the device's push token should be marked invalid");
        assertTrue(awaitSnapshotContaining(tenant, user, "\"pushTokenValid\":false"));
    }

    @Test
    void reportAboutAnotherTenantsDeviceChangesNothing() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.pair(tenant, user, device);

        DeliveryReports.publish(bootstrapServers, UUID.randomUUID().toString(), user, device.deviceId(), "apns", "address_invalid", "Unregistered");
        DeliveryReports.publish(bootstrapServers, tenant.tenantId(), user, device.deviceId(), "apns", "sent", null);
        Thread.sleep(3000); // let the consumer read both; nothing may change

        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200).body("methods[0].pushTokenValid", equalTo(true));
    }

    private boolean awaitSnapshotContaining(TestTenant tenant, String user, String fragment) {
        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.profiles")) {
            return !reader.awaitMatching(r -> key.equals(r.key()) && r.event().data() != null
                    && r.event().data().contains(fragment), 1, Duration.ofSeconds(20)).isEmpty();
        }
    }

}
