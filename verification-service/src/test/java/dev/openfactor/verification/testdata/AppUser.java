package dev.openfactor.verification.testdata;

import java.time.Instant;
import java.util.UUID;

import dev.openfactor.platform.testing.TestDevice;
import dev.openfactor.verification.repository.ProfileRepository;
import io.restassured.response.Response;

/** A user whose authenticator app is paired (as a snapshot on the real topic says), and that app. */
public record AppUser(SignInTenant tenant, String userId, TestDevice device, String pushToken) {

    public static AppUser register(SignInTenant tenant, String kafka, ProfileRepository profiles) {
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return register(tenant, kafka, profiles, "apns", token);
    }

    /** Paired with this push platform and token (webpush: the browser's subscription JSON). */
    public static AppUser register(SignInTenant tenant, String kafka, ProfileRepository profiles, String pushPlatform,
            String token) {
        String user = SignInTenant.newUserId();
        TestDevice device = new TestDevice();
        device.deviceId(UUID.randomUUID().toString());
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.defaultMethod(profile.app(device, device.deviceId(), pushPlatform, token, "app-secret-of-20byte".getBytes()));
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 1);
        return new AppUser(tenant, user, device, token);
    }

    public Response pending() {
        return pendingAt(Instant.now());
    }

    /** Signed at {@code at}: the phone's clock agrees with the service's (tests may move the latter). */
    public Response pendingAt(Instant at) {
        String path = "/v1/devices/" + device.deviceId() + "/challenges";
        return device.signed("GET", path, "", at).get(path);
    }

    public Response respond(String challengeId, String body) {
        String path = "/v1/devices/" + device.deviceId() + "/challenges/" + challengeId + "/response";
        return device.signed("POST", path, body, Instant.now()).post(path);
    }

    public Response approve(String challengeId, String number) {
        return respond(challengeId, "{\"decision\":\"approve\",\"numberMatch\":\"" + number + "\"}");
    }
}
