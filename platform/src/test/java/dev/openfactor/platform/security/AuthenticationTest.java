package dev.openfactor.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.PrivateKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class AuthenticationTest {

    private static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";

    @Inject
    ApiKeys apiKeys;

    @Test
    void apiKeyAuthenticatesAsItsTenant() {
        String tenant = "tenant-" + UUID.randomUUID();
        String key = issue(tenant).apiKey();

        given().auth().oauth2(key).when().get("/v1/whoami")
                .then().statusCode(200).body("tenantId", equalTo(tenant));
    }

    @Test
    void apiKeyAuthenticatesOnTheEventLoopToo() {
        String tenant = "tenant-" + UUID.randomUUID();
        String key = issue(tenant).apiKey();

        given().auth().oauth2(key).when().get("/v1/whoami-async")
                .then().statusCode(200).body("tenantId", equalTo(tenant));
    }

    @Test
    void everyApiKeyFailureLooksTheSame() {
        ApiKeys.IssuedApiKey issued = issue("tenant-" + UUID.randomUUID());
        String wrongSecret = issued.apiKey().substring(0, issued.apiKey().length() - 4) + "AAAA";
        String unknownId = "ofk_abcdefghijkmnpqr_" + issued.apiKey().substring(issued.apiKey().lastIndexOf('_') + 1);

        String reference = unauthorizedBody(wrongSecret);
        assertEquals(reference, unauthorizedBody(unknownId));
        assertEquals(reference, unauthorizedBody("not-an-api-key"));
        assertEquals(reference, given().when().get("/v1/whoami").then().statusCode(401).extract().asString());
    }

    @Test
    void revokedKeyIsRefused() {
        String tenant = "tenant-" + UUID.randomUUID();
        ApiKeys.IssuedApiKey issued = issue(tenant);
        given().auth().oauth2(issued.apiKey()).when().get("/v1/whoami").then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> apiKeys.revoke(tenant, issued.keyId()));

        given().auth().oauth2(issued.apiKey()).when().get("/v1/whoami")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void anotherTenantCannotRevokeAKey() {
        String tenant = "tenant-" + UUID.randomUUID();
        ApiKeys.IssuedApiKey issued = issue(tenant);

        boolean revoked = QuarkusTransaction.requiringNew().call(() -> apiKeys.revoke("someone-else", issued.keyId()));

        assertEquals(false, revoked);
        given().auth().oauth2(issued.apiKey()).when().get("/v1/whoami").then().statusCode(200);
    }

    @Test
    void adminApiNeedsTheAdminToken() {
        given().auth().oauth2(ADMIN_TOKEN).when().get("/admin/v1/ping").then().statusCode(200).body("admin", equalTo("yes"));
        given().auth().oauth2(ADMIN_TOKEN + "x").when().get("/admin/v1/ping").then().statusCode(401);
        given().when().get("/admin/v1/ping").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void apiKeyDoesNotOpenTheAdminApi() {
        String key = issue("tenant-" + UUID.randomUUID()).apiKey();
        given().auth().oauth2(key).when().get("/admin/v1/ping").then().statusCode(401);
    }

    @Test
    void unauthenticatedResourcesNeedNoKey() {
        given().when().get("/v1/open").then().statusCode(200).body("open", equalTo("yes"));
    }

    private ApiKeys.IssuedApiKey issue(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> apiKeys.issue(tenant, "test"));
    }

    private static String unauthorizedBody(String key) {
        return given().auth().oauth2(key).when().get("/v1/whoami").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").extract().asString();
    }
}
