package dev.openfactor.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.testdata.EventCatalogue;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.IndependentTotp;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
class RegistrationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Test
    void requiringMfaCreatesTheUserInStateRequired() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        tenant.asFrontend().body(Map.of("required", true)).put(path(user, "/mfa-requirement"))
                .then().statusCode(200)
                .body("userId", equalTo(user))
                .body("mfaRequired", equalTo(true))
                .body("registrationState", equalTo("required"))
                .body("methods", empty());
        tenant.asFrontend().get(path(user, "")).then().statusCode(200).body("registrationState", equalTo("required"));
    }

    @Test
    void unknownUserIsNotFound() {
        Tenants.create("Contoso").asFrontend().get(path(Tenants.newUserId(), ""))
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void anotherTenantsKeySeesNothing() {
        TestTenant a = Tenants.create("A Corp");
        TestTenant b = Tenants.create("B Corp");
        String user = Tenants.newUserId();
        a.asFrontend().body(Map.of("required", true)).put(path(user, "/mfa-requirement")).then().statusCode(200);
        String methodId = a.asFrontend().post(path(user, "/totp-credentials")).then().statusCode(201).extract().path("methodId");

        b.asFrontend().get(path(user, "")).then().statusCode(404);
        b.asFrontend().delete(path(user, "/methods/" + methodId)).then().statusCode(404);
        b.asFrontend().body(Map.of("code", "123456")).post(path(user, "/totp-credentials/" + methodId + "/confirm"))
                .then().statusCode(404);
        a.asFrontend().get(path(user, "")).then().statusCode(200).body("methods", hasSize(1));
    }

    @Test
    void requestsWithoutAValidKeyAreRefused() {
        given().get(path(Tenants.newUserId(), "")).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void totpCredentialIsConfirmedByACodeFromTheAppsSide() {
        TestTenant tenant = Tenants.create("Contoso Ltd");
        String user = Tenants.newUserId();
        tenant.asFrontend().body(Map.of("required", true)).put(path(user, "/mfa-requirement")).then().statusCode(200);

        JsonPath created = tenant.asFrontend().body(Map.of("label", "Google Authenticator"))
                .post(path(user, "/totp-credentials"))
                .then().statusCode(201)
                .body("status", equalTo("pending"))
                .body("secret", matchesPattern("[A-Z2-7]{32}"))
                .extract().jsonPath();
        String secret = created.getString("secret");
        String methodId = created.getString("methodId");
        assertEquals("otpauth://totp/Contoso%20Ltd:" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "?secret=" + secret + "&issuer=Contoso%20Ltd&algorithm=SHA1&digits=6&period=30", created.getString("otpauthUri"));
        byte[] png = Base64.getDecoder().decode(created.getString("qrPngBase64"));
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));

        String code = IndependentTotp.code(secret, "SHA1", 6, 30, Instant.now().getEpochSecond());
        String wrong = code.equals("000000") ? "111111" : "000000";
        tenant.asFrontend().body(Map.of("code", wrong)).post(path(user, "/totp-credentials/" + methodId + "/confirm"))
                .then().statusCode(422).body("code", equalTo("invalid_code"));
        tenant.asFrontend().body(Map.of("code", code)).post(path(user, "/totp-credentials/" + methodId + "/confirm"))
                .then().statusCode(200).body("status", equalTo("active"));

        tenant.asFrontend().get(path(user, "")).then().statusCode(200)
                .body("registrationState", equalTo("registered"))
                .body("methods[0].type", equalTo("totp"))
                .body("methods[0].status", equalTo("active"))
                .body(not(containsString(secret)));
    }

    @Test
    void totpParametersShapeTheSecretAndUri() {
        TestTenant tenant = Tenants.create("Fabrikam");
        String user = Tenants.newUserId();
        JsonPath created = tenant.asFrontend().body(Map.of("algorithm", "SHA512", "digits", 8, "period", 60))
                .post(path(user, "/totp-credentials")).then().statusCode(201).extract().jsonPath();

        assertEquals(64, IndependentTotp.base32Decode(created.getString("secret")).length);
        assertTrue(created.getString("otpauthUri").endsWith("&algorithm=SHA512&digits=8&period=60"));
        String code = IndependentTotp.code(created.getString("secret"), "SHA512", 8, 60, Instant.now().getEpochSecond());
        tenant.asFrontend().body(Map.of("code", code))
                .post(path(user, "/totp-credentials/" + created.getString("methodId") + "/confirm"))
                .then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void unsupportedTotpParametersAreListed() {
        Tenants.create("Fabrikam").asFrontend().body(Map.of("algorithm", "MD5", "digits", 7))
                .post(path(Tenants.newUserId(), "/totp-credentials"))
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void newRecoveryCodesReplaceTheOldSet() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        List<String> first = tenant.asFrontend().post(path(user, "/recovery-codes"))
                .then().statusCode(201)
                .body("codes", hasSize(10))
                .body("codes", everyItem(matchesPattern("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}")))
                .extract().path("codes");
        String firstId = tenant.asFrontend().get(path(user, "")).then().extract().path("methods[0].methodId");

        List<String> second = tenant.asFrontend().post(path(user, "/recovery-codes")).then().statusCode(201).extract().path("codes");

        assertFalse(second.stream().anyMatch(first::contains));
        JsonPath view = tenant.asFrontend().get(path(user, "")).then().statusCode(200)
                .body("methods", hasSize(1))
                .body("methods[0].type", equalTo("recovery_codes"))
                .body("registrationState", equalTo("not_required"))
                .extract().jsonPath();
        assertNotEquals(firstId, view.getString("methods[0].methodId"));
    }

    @Test
    void defaultMethodMustBeActiveAndIsClearedWhenDeleted() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        JsonPath created = tenant.asFrontend().post(path(user, "/totp-credentials")).then().statusCode(201).extract().jsonPath();
        String methodId = created.getString("methodId");

        tenant.asFrontend().body(Map.of("methodId", methodId)).put(path(user, "/default-method"))
                .then().statusCode(409).body("code", equalTo("invalid_state"));
        String code = IndependentTotp.code(created.getString("secret"), "SHA1", 6, 30, Instant.now().getEpochSecond());
        tenant.asFrontend().body(Map.of("code", code)).post(path(user, "/totp-credentials/" + methodId + "/confirm"))
                .then().statusCode(200);
        tenant.asFrontend().body(Map.of("methodId", methodId)).put(path(user, "/default-method"))
                .then().statusCode(200).body("defaultMethodId", equalTo(methodId));

        tenant.asFrontend().delete(path(user, "/methods/" + methodId)).then().statusCode(204);
        tenant.asFrontend().get(path(user, "")).then().statusCode(200)
                .body("defaultMethodId", nullValue())
                .body("methods", empty());
        tenant.asFrontend().delete(path(user, "/methods/" + methodId)).then().statusCode(404);
    }

    @Test
    void everyChangePublishesTheWholeProfileWithAGrowingVersionAndNoPlaintextSecret() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        tenant.asFrontend().body(Map.of("required", true)).put(path(user, "/mfa-requirement")).then().statusCode(200);
        JsonPath created = tenant.asFrontend().post(path(user, "/totp-credentials")).then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        String code = IndependentTotp.code(secret, "SHA1", 6, 30, Instant.now().getEpochSecond());
        tenant.asFrontend().body(Map.of("code", code))
                .post(path(user, "/totp-credentials/" + created.getString("methodId") + "/confirm")).then().statusCode(200);
        List<String> recovery = tenant.asFrontend().post(path(user, "/recovery-codes")).then().statusCode(201).extract().path("codes");
        tenant.asFrontend().delete(path(user, "/methods/" + created.getString("methodId"))).then().statusCode(204);

        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.profiles")) {
            List<TopicReader.Received> snapshots = reader.awaitMatching(r -> key.equals(r.key()), 5, Duration.ofSeconds(20));
            assertEquals(5, snapshots.size());
            long previous = 0;
            for (TopicReader.Received r : snapshots) {
                assertEquals("dev.openfactor.profile.snapshot.v1", r.event().type());
                JsonNode body = mapper.readTree(r.event().data());
                assertTrue(body.get("version").asLong() > previous, "versions only grow");
                previous = body.get("version").asLong();
                assertFalse(r.event().data().contains(secret), "no plaintext TOTP secret");
                recovery.forEach(c -> assertFalse(r.event().data().contains(c), "no plaintext recovery code"));
            }
            JsonNode confirmed = mapper.readTree(snapshots.get(2).event().data());
            EventCatalogue.assertMatches(confirmed, "profile.snapshot.v1");
            assertEquals(EventCatalogue.fieldNames(EventCatalogue.sampleMethod("totp")),
                    EventCatalogue.fieldNames(confirmed.at("/methods/0")));
            assertEquals("registered", confirmed.get("registrationState").asText());
            assertEquals("t1", confirmed.at("/methods/0/totp/secret/kid").asText());
            JsonNode last = mapper.readTree(snapshots.get(4).event().data());
            assertEquals(1, last.get("methods").size());
            assertEquals("recovery_codes", last.at("/methods/0/type").asText());
            assertEquals(10, last.at("/methods/0/recoveryCodes/hashes").size());
            assertEquals("required", last.get("registrationState").asText());
        }
    }

    @Test
    void deletingTheUserForgetsThemAndTombstonesTheProfile() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        tenant.asFrontend().body(Map.of("required", true)).put(path(user, "/mfa-requirement")).then().statusCode(200);
        tenant.asFrontend().post(path(user, "/recovery-codes")).then().statusCode(201);

        tenant.asFrontend().delete(path(user, "")).then().statusCode(204);

        tenant.asFrontend().get(path(user, "")).then().statusCode(404).body("code", equalTo("not_found"));
        tenant.asFrontend().delete(path(user, "")).then().statusCode(404);
        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.profiles")) {
            List<TopicReader.Received> records = reader.awaitMatching(r -> key.equals(r.key()), 3, Duration.ofSeconds(20));
            assertEquals(3, records.size());
            TopicReader.Received last = records.get(2);
            assertEquals("dev.openfactor.profile.deleted.v1", last.event().type());
            assertTrue(last.event().isTombstone(), "a null value, so compaction forgets the user");
        }
    }

    private static String path(String userId, String rest) {
        // rest-assured percent-encodes the path itself.
        return "/v1/users/" + userId + rest;
    }
}
