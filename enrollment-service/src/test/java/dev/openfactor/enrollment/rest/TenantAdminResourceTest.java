package dev.openfactor.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.testdata.EventCatalogue;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class TenantAdminResourceTest {

    private static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Test
    void createsTenant() {
        String name = uniqueName();
        admin().body(Map.of("name", name, "displayName", "Contoso Ltd"))
                .when().post("/admin/v1/tenants")
                .then().statusCode(201)
                .body("tenantId", notNullValue())
                .body("name", equalTo(name))
                .body("displayName", equalTo("Contoso Ltd"));
    }

    @Test
    void refusesDuplicateTenantName() {
        String name = uniqueName();
        createTenant(name);
        admin().body(Map.of("name", name, "displayName", "Again"))
                .when().post("/admin/v1/tenants")
                .then().statusCode(409).body("code", equalTo("tenant_exists"));
    }

    @Test
    void listsInvalidTenantFields() {
        admin().body(Map.of("name", "Not A Slug", "displayName", ""))
                .when().post("/admin/v1/tenants")
                .then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("name", "displayName"));
    }

    @Test
    void adminApiRefusesMissingOrWrongToken() {
        given().contentType(ContentType.JSON).body(Map.of("name", uniqueName(), "displayName", "x"))
                .when().post("/admin/v1/tenants")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2("wrong-token-wrong-token").contentType(ContentType.JSON)
                .body(Map.of("name", uniqueName(), "displayName", "x"))
                .when().post("/admin/v1/tenants")
                .then().statusCode(401);
    }

    @Test
    void issuedKeyIsShownOnceAndAnnouncedAsAHashOnly() throws Exception {
        String tenantId = createTenant(uniqueName());

        Map<String, Object> issued = admin().body(Map.of("label", "login frontend"))
                .when().post("/admin/v1/tenants/" + tenantId + "/api-keys")
                .then().statusCode(201)
                .body("apiKey", matchesPattern("ofk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}"))
                .extract().as(Map.class);
        String keyId = (String) issued.get("keyId");
        String apiKey = (String) issued.get("apiKey");

        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.api-keys")) {
            List<TopicReader.Received> events = reader.awaitMatching(r -> keyId.equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            assertEquals("dev.openfactor.apikey.snapshot.v1", events.get(0).event().type());
            JsonNode body = mapper.readTree(events.get(0).event().data());
            assertEquals(tenantId, body.get("tenantId").asText());
            assertNotNull(body.get("secretSha256").asText());
            String secretPart = apiKey.substring(("ofk_" + keyId + "_").length());
            assertFalse(events.get(0).event().data().contains(secretPart));
            assertTrue(body.path("revokedAt").isMissingNode() || body.get("revokedAt").isNull());
            EventCatalogue.assertMatches(body, "apikey.snapshot.v1");
        }
    }

    @Test
    void revokesKeyAndAnnouncesIt() {
        String tenantId = createTenant(uniqueName());
        String keyId = admin().body(Map.of("label", "old"))
                .when().post("/admin/v1/tenants/" + tenantId + "/api-keys")
                .then().statusCode(201).extract().path("keyId");

        admin().when().delete("/admin/v1/tenants/" + tenantId + "/api-keys/" + keyId).then().statusCode(204);
        admin().when().delete("/admin/v1/tenants/" + tenantId + "/api-keys/" + keyId).then().statusCode(204);

        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.api-keys")) {
            List<TopicReader.Received> events = reader.awaitMatching(
                    r -> keyId.equals(r.key()) && r.event().data().contains("\"revokedAt\":\""), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
        }
    }

    @Test
    void keyOfUnknownTenantOrOtherTenantIsNotFound() {
        admin().body(Map.of("label", "x"))
                .when().post("/admin/v1/tenants/" + UUID.randomUUID() + "/api-keys")
                .then().statusCode(404).body("code", equalTo("not_found"));

        String owner = createTenant(uniqueName());
        String other = createTenant(uniqueName());
        String keyId = admin().body(Map.of("label", "x"))
                .when().post("/admin/v1/tenants/" + owner + "/api-keys")
                .then().statusCode(201).extract().path("keyId");
        admin().when().delete("/admin/v1/tenants/" + other + "/api-keys/" + keyId)
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    private String createTenant(String name) {
        return admin().body(Map.of("name", name, "displayName", name.toUpperCase()))
                .when().post("/admin/v1/tenants")
                .then().statusCode(201).extract().path("tenantId");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    private static String uniqueName() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
