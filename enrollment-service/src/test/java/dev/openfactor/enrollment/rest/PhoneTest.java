package dev.openfactor.enrollment.rest;

import static dev.openfactor.enrollment.rest.AuthenticatorActivationTest.userPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.testdata.DeliveryKey;
import dev.openfactor.enrollment.testdata.EventCatalogue;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.Race;
import dev.openfactor.platform.testing.TopicReader;
import dev.openfactor.platform.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class PhoneTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void mobileIsVerifiedByTheCodeTheSmsCommandCarries() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        String methodId = tenant.asFrontend().body(Map.of("type", "mobile", "number", "+1 (415) 555-2671"))
                .post(userPath(user, "/phones"))
                .then().statusCode(201)
                .body("status", equalTo("pending_verification"))
                .body("verificationChannel", equalTo("sms"))
                .body("number", equalTo("+14155552671"))
                .extract().path("methodId");

        JsonNode command = awaitCommands(tenant, user, 1).get(0);
        EventCatalogue.assertMatchesFile(command, "../notification-service/src/main/resources/events", "notification.command.v1");
        assertEquals("sms", command.get("channel").asText());
        assertEquals("phone_verification", command.get("purpose").asText());
        assertEquals("+14155552671", command.get("address").asText());
        assertEquals(methodId, command.get("methodId").asText());
        assertTrue(command.get("text").asText().contains("{code}"));
        String code = DeliveryKey.code(command);
        assertTrue(code.matches("[0-9]{6}"));
        assertFalse(command.toString().contains(code), "the code travels only sealed");

        tenant.asFrontend().body(Map.of("code", wrong(code))).post(userPath(user, "/phones/" + methodId + "/confirm"))
                .then().statusCode(422).body("code", equalTo("invalid_code")).body("remainingAttempts", equalTo(2));
        tenant.asFrontend().body(Map.of("code", code)).post(userPath(user, "/phones/" + methodId + "/confirm"))
                .then().statusCode(200).body("status", equalTo("active"));
        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200)
                .body("registrationState", equalTo("registered"))
                .body("methods[0].phoneType", equalTo("mobile"))
                .body("methods[0].phoneNumber", equalTo("+14155552671"));
    }

    @Test
    void officePhoneIsCalledAndTheCallDialsTheExtension() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        tenant.asFrontend().body(Map.of("type", "office", "number", "+35315550100", "extension", "204"))
                .post(userPath(user, "/phones"))
                .then().statusCode(201).body("verificationChannel", equalTo("voice"));

        JsonNode command = awaitCommands(tenant, user, 1).get(0);
        assertEquals("voice", command.get("channel").asText());
        assertEquals("204", command.get("extension").asText());
        assertTrue(DeliveryKey.code(command).matches("[0-9]{6}"));
    }

    @Test
    void threeWrongCodesUseUpTheCode() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        String methodId = addMobile(tenant, user, "+14155552672");
        String code = DeliveryKey.code(awaitCommands(tenant, user, 1).get(0));

        for (int left = 2; left >= 0; left--) {
            tenant.asFrontend().body(Map.of("code", wrong(code))).post(userPath(user, "/phones/" + methodId + "/confirm"))
                    .then().statusCode(422).body("remainingAttempts", equalTo(left));
        }
        tenant.asFrontend().body(Map.of("code", code)).post(userPath(user, "/phones/" + methodId + "/confirm"))
                .then().statusCode(422).body("code", equalTo("invalid_code"));
    }

    @Test
    void codeExpiresAfterFiveMinutesAndAResendWorks() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        String methodId = addMobile(tenant, user, "+14155552673");
        String first = DeliveryKey.code(awaitCommands(tenant, user, 1).get(0));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        tenant.asFrontend().body(Map.of("code", first)).post(userPath(user, "/phones/" + methodId + "/confirm"))
                .then().statusCode(422).body("code", equalTo("invalid_code"));

        tenant.asFrontend().post(userPath(user, "/phones/" + methodId + "/resend")).then().statusCode(202);
        String second = DeliveryKey.code(awaitCommands(tenant, user, 2).get(1));
        tenant.asFrontend().body(Map.of("code", second)).post(userPath(user, "/phones/" + methodId + "/confirm"))
                .then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void sixthSendWithinTheWindowIsRateLimitedWithRetryAfter() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        String methodId = addMobile(tenant, user, "+14155552674");
        for (int i = 0; i < 4; i++) {
            tenant.asFrontend().post(userPath(user, "/phones/" + methodId + "/resend")).then().statusCode(202);
        }

        tenant.asFrontend().post(userPath(user, "/phones/" + methodId + "/resend"))
                .then().statusCode(429).body("code", equalTo("rate_limited")).header("Retry-After", notNullValue());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        tenant.asFrontend().post(userPath(user, "/phones/" + methodId + "/resend")).then().statusCode(202);
    }

    @Test
    void twentyResendsAtOnceSendNoMoreThanTheLimit() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        String methodId = addMobile(tenant, user, "+14155552679");

        List<Response> answers = Race.run(20, i -> tenant.asFrontend().post(userPath(user, "/phones/" + methodId + "/resend")));

        assertEquals(4, Race.withStatus(answers, 202), "the add sent the first of five");
        assertEquals(16, Race.withStatus(answers, 429));
        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.notifications")) {
            assertEquals(5, reader.awaitMatching(r -> key.equals(r.key()), 6, Duration.ofSeconds(8)).size());
        }
    }

    @Test
    void oneNumberIsRateLimitedAcrossUsers() {
        TestTenant tenant = Tenants.create("Contoso");
        for (int i = 0; i < 5; i++) {
            addMobile(tenant, Tenants.newUserId(), "+14155552675");
        }

        tenant.asFrontend().body(Map.of("type", "mobile", "number", "+14155552675")).post(userPath(Tenants.newUserId(), "/phones"))
                .then().statusCode(429).body("code", equalTo("rate_limited"));
    }

    @Test
    void invalidNumbersAndMisplacedExtensionsNameTheField() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        tenant.asFrontend().body(Map.of("type", "mobile", "number", "12345")).post(userPath(user, "/phones"))
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("number"));
        tenant.asFrontend().body(Map.of("type", "mobile", "number", "+14155552676", "extension", "12"))
                .post(userPath(user, "/phones"))
                .then().statusCode(400).body("errors.field", hasItem("extension"));
        tenant.asFrontend().body(Map.of("type", "fax", "number", "+14155552676")).post(userPath(user, "/phones"))
                .then().statusCode(400).body("errors.field", hasItem("type"));
    }

    @Test
    void anotherTenantCannotConfirmThePhone() {
        TestTenant a = Tenants.create("A Corp");
        TestTenant b = Tenants.create("B Corp");
        String user = Tenants.newUserId();
        String methodId = addMobile(a, user, "+14155552677");
        String code = DeliveryKey.code(awaitCommands(a, user, 1).get(0));
        b.asFrontend().body(Map.of("required", true)).put(userPath(user, "/mfa-requirement")).then().statusCode(200);

        b.asFrontend().body(Map.of("code", code)).post(userPath(user, "/phones/" + methodId + "/confirm"))
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    private String addMobile(TestTenant tenant, String user, String number) {
        return tenant.asFrontend().body(Map.of("type", "mobile", "number", number)).post(userPath(user, "/phones"))
                .then().statusCode(201).extract().path("methodId");
    }

    private List<JsonNode> awaitCommands(TestTenant tenant, String user, int count) {
        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.notifications")) {
            List<TopicReader.Received> found = reader.awaitMatching(r -> key.equals(r.key())
                    && "dev.openfactor.notification.command.v1".equals(r.event().type()), count, Duration.ofSeconds(20));
            assertEquals(count, found.size());
            return found.stream().map(r -> read(r.event().data())).toList();
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
