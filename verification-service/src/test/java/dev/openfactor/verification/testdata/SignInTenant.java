package dev.openfactor.verification.testdata;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.openfactor.platform.security.ApiKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A tenant as verification-service knows one: an API key in its key store (issued here through
 * the platform's real ApiKeys; the announcement path over Kafka is ApiKeyMirrorTest's subject).
 */
public record SignInTenant(String tenantId, String apiKey) {

    public static SignInTenant create(ApiKeys keys) {
        String tenantId = UUID.randomUUID().toString();
        String key = QuarkusTransaction.requiringNew().call(() -> keys.issue(tenantId, "tests").apiKey());
        return new SignInTenant(tenantId, key);
    }

    public RequestSpecification asFrontend() {
        return given().auth().oauth2(apiKey).contentType(ContentType.JSON);
    }

    public static String newUserId() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
    }
}
