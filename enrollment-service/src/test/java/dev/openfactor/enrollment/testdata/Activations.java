package dev.openfactor.enrollment.testdata;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.TestDevice;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The registration page and the app, driving the activation API as they would. */
public final class Activations {

    private Activations() {
    }

    public record Started(String activationId, String code, String activationUrl, String ref, JsonPath body) {
    }

    public static Started start(TestTenant tenant, String userId) {
        JsonPath body = tenant.asFrontend().body(Map.of("deviceLabel", "Alice's phone"))
                .post("/v1/users/" + userId + "/authenticator-activations")
                .then().statusCode(201).extract().jsonPath();
        String url = body.getString("activationUrl");
        return new Started(body.getString("activationId"), body.getString("activationCode").replace(" ", ""), url,
                URI.create(url).getPath().replace("/v1/activations/", ""), body);
    }

    public static Map<String, Object> appRequest(String code, TestDevice device) {
        Map<String, Object> request = new HashMap<>();
        request.put("activationCode", code);
        request.put("devicePublicKey", device.publicKeyBase64());
        request.put("pushPlatform", "apns");
        request.put("pushToken", "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90");
        request.put("deviceName", "iPhone 15");
        request.put("appVersion", "1.4.0");
        return request;
    }

    /** POST /v1/activations/{ref} as the app, without any Authorization header. */
    public static Response activate(String ref, Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).post("/v1/activations/" + ref);
    }

    /** A fully activated app for {@code userId}: its device id is set on {@code device}. */
    public static JsonPath pair(TestTenant tenant, String userId, TestDevice device) {
        Started started = start(tenant, userId);
        JsonPath result = activate(started.ref(), appRequest(started.code(), device)).then().statusCode(200).extract().jsonPath();
        device.deviceId(result.getString("deviceId"));
        return result;
    }
}
