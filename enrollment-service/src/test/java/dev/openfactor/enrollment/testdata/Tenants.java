package dev.openfactor.enrollment.testdata;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Creates tenants and API keys through the operator API, as an operator would. */
public final class Tenants {

    public static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";

    public record TestTenant(String tenantId, String displayName, String apiKey) {
        public RequestSpecification asFrontend() {
            return given().auth().oauth2(apiKey).contentType(ContentType.JSON);
        }
    }

    private Tenants() {
    }

    public static TestTenant create(String displayName) {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "displayName", displayName))
                .post("/admin/v1/tenants").then().statusCode(201).extract().path("tenantId");
        String apiKey = given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("label", "tests"))
                .post("/admin/v1/tenants/" + tenantId + "/api-keys").then().statusCode(201).extract().path("apiKey");
        return new TestTenant(tenantId, displayName, apiKey);
    }

    public static String newUserId() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
    }
}
