package dev.openfactor.verification.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.verification.testdata.Commands;
import dev.openfactor.verification.testdata.ProfileBuilder;
import dev.openfactor.verification.testdata.ProfileTopic;
import dev.openfactor.verification.testdata.SignInTenant;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** SMS and voice sign-in codes: sent sealed in a notification command, 3 attempts, send limits. */
@QuarkusTest
class CodeChallengeTest extends SignInSuite {

    @Test
    void smsCodeFromTheCommandApprovesAfterAWrongTry() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = phoneUser(tenant, "mobile", "+14155552671", null, "sms");

        String id = challenge(tenant, user, "sms").then().statusCode(201)
                .body("status", equalTo("pending")).body("method", equalTo("sms")).body("delivery", equalTo("queued"))
                .body("expiresAt", notNullValue()).extract().path("challengeId");
        JsonNode command = Commands.await(kafka, tenant.tenantId(), user, 1).get(0);
        assertEquals("sms", command.get("channel").asText());
        assertEquals("sign_in_code", command.get("purpose").asText());
        assertEquals("+14155552671", command.get("address").asText());
        assertEquals(id, command.get("challengeId").asText());
        String code = Commands.code(command);
        assertFalse(command.toString().contains(code), "the code travels only sealed");

        verify(tenant, id, wrong(code)).then().statusCode(422).body("code", equalTo("invalid_code"))
                .body("remainingAttempts", equalTo(2));
        verify(tenant, id, code).then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void threeWrongCodesDenyTheChallenge() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = phoneUser(tenant, "mobile", "+14155552672", null, "sms");
        String id = challenge(tenant, user, "sms").then().statusCode(201).extract().path("challengeId");
        String code = Commands.code(Commands.await(kafka, tenant.tenantId(), user, 1).get(0));

        verify(tenant, id, wrong(code)).then().statusCode(422).body("remainingAttempts", equalTo(2));
        verify(tenant, id, wrong(code)).then().statusCode(422).body("remainingAttempts", equalTo(1));
        verify(tenant, id, wrong(code)).then().statusCode(422).body("remainingAttempts", equalTo(0));
        verify(tenant, id, code).then().statusCode(409).body("code", equalTo("invalid_state"));
        tenant.asFrontend().get("/v1/challenges/" + id).then().body("status", equalTo("denied"));
    }

    @Test
    void voiceCallCarriesTheOfficeExtension() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = phoneUser(tenant, "office", "+35315550100", "204", "voice");

        challenge(tenant, user, "voice").then().statusCode(201).body("method", equalTo("voice"));
        JsonNode command = Commands.await(kafka, tenant.tenantId(), user, 1).get(0);
        assertEquals("voice", command.get("channel").asText());
        assertEquals("204", command.get("extension").asText());
        assertEquals(6, Commands.code(command).length());
    }

    @Test
    void smsNeedsAPhoneThatTakesTexts() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = phoneUser(tenant, "office", "+35315550101", null, "voice");

        challenge(tenant, user, "sms").then().statusCode(409).body("code", equalTo("registration_required"));
    }

    @Test
    void sixthCodeWithinTheWindowIsRateLimited() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = phoneUser(tenant, "mobile", "+14155552673", null, "sms");
        for (int i = 0; i < 5; i++) {
            challenge(tenant, user, "sms").then().statusCode(201);
        }

        challenge(tenant, user, "sms").then().statusCode(429).body("code", equalTo("rate_limited"))
                .header("Retry-After", notNullValue());
    }

    private String phoneUser(SignInTenant tenant, String type, String number, String extension, String channel) {
        String user = SignInTenant.newUserId();
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.phone(type, number, extension, channel);
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 1);
        return user;
    }

    private static Response challenge(SignInTenant tenant, String user, String method) {
        return tenant.asFrontend().body(Map.of("userId", user, "method", method)).post("/v1/challenges");
    }

    private static Response verify(SignInTenant tenant, String id, String code) {
        return tenant.asFrontend().body(Map.of("code", code)).post("/v1/challenges/" + id + "/verify");
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
