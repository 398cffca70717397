package dev.openfactor.verification.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.security.ApiKeys;
import dev.openfactor.verification.testdata.SignInTenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Input rules at the edge: control characters and byte caps are a 400 naming the field, never a 500. */
@QuarkusTest
class HostileInputTest {

    @Inject
    ApiKeys apiKeys;

    @Test
    void aNulInAChallengeIdIsA400NamingIt() {
        SignInTenant tenant = SignInTenant.create(apiKeys);

        tenant.asFrontend().urlEncodingEnabled(false).get("/v1/challenges/c%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("challengeId"));
        tenant.asFrontend().urlEncodingEnabled(false).post("/v1/users/u%00/unlock")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("userId"));
    }

    @Test
    void aNulInTheUserIdOfAChallengeIsA400NamingIt() {
        SignInTenant tenant = SignInTenant.create(apiKeys);

        tenant.asFrontend().body(Map.of("userId", "alice\u0000", "method", "totp", "code", "123456"))
                .post("/v1/challenges")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("userId"));
    }

    @Test
    void controlCharactersOrOversizedContextValuesAreA400NamingTheField() {
        SignInTenant tenant = SignInTenant.create(apiKeys);

        tenant.asFrontend().body(Map.of("userId", "alice", "method", "push", "context", Map.of("location", "Paris\u0001")))
                .post("/v1/challenges")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("context.location"));
        tenant.asFrontend().body(Map.of("userId", "alice", "method", "push", "context", Map.of("userAgent", "é".repeat(257))))
                .post("/v1/challenges")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("context.userAgent"));
    }

    @Test
    void aCodeWithANulIsA400NamingIt() {
        SignInTenant tenant = SignInTenant.create(apiKeys);

        tenant.asFrontend().body(Map.of("code", "12\u00003456")).post("/v1/challenges/" + java.util.UUID.randomUUID() + "/verify")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("code"));
    }
}
