package dev.openfactor.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.enrollment.testdata.Tenants;
import io.quarkus.test.junit.QuarkusTest;

/** Input rules at the edge: control characters and byte caps are a 400 naming the field, never a 500. */
@QuarkusTest
class HostileInputTest {

    @Test
    void aNulInTheUserIdIsA400NamingIt() {
        TestTenant tenant = Tenants.create("Contoso");

        tenant.asFrontend().urlEncodingEnabled(false).get("/v1/users/alice%00@contoso.example")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("userId"))
                .body(not(containsString("alice")));
    }

    @Test
    void aUserIdIsCappedAt256BytesNotCharacters() {
        TestTenant tenant = Tenants.create("Contoso");
        String userId = "é".repeat(129); // 129 characters, 258 bytes

        tenant.asFrontend().body(Map.of("required", true)).put("/v1/users/" + userId + "/mfa-requirement")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("userId"));
        tenant.asFrontend().body(Map.of("required", true)).put("/v1/users/" + "é".repeat(128) + "/mfa-requirement")
                .then().statusCode(200);
    }

    @Test
    void controlCharactersInAMethodIdAreA400NamingIt() {
        TestTenant tenant = Tenants.create("Contoso");

        tenant.asFrontend().urlEncodingEnabled(false).delete("/v1/users/" + Tenants.newUserId() + "/methods/m%01x")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("methodId"));
    }

    @Test
    void controlCharactersInALabelAreA400NamingIt() {
        TestTenant tenant = Tenants.create("Contoso");

        for (String label : new String[] { "a\u0000b", "bell\u0007", "new\nline", "\u0085" }) {
            tenant.asFrontend().body(Map.of("label", label)).post("/v1/users/" + Tenants.newUserId() + "/totp-credentials")
                    .then().statusCode(400).body("code", equalTo("validation_failed"))
                    .body("errors.field", hasItem("label")).body("errors.message", hasItem("must not contain control characters"));
        }
    }

    @Test
    void aLabelIsCappedAt100BytesNotCharacters() {
        TestTenant tenant = Tenants.create("Contoso");

        tenant.asFrontend().body(Map.of("label", "é".repeat(51))).post("/v1/users/" + Tenants.newUserId() + "/totp-credentials")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("label"));
        tenant.asFrontend().body(Map.of("label", "é".repeat(50))).post("/v1/users/" + Tenants.newUserId() + "/totp-credentials")
                .then().statusCode(201);
    }

    @Test
    void aNulInAnActivationDeviceNameIsA400NamingIt() {
        given().contentType("application/json")
                .body(Map.of("activationCode", "123456789", "devicePublicKey", "AAAA", "pushPlatform", "none",
                        "deviceName", "phone\u0000"))
                .post("/v1/activations/12345")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("deviceName"));
    }

    @Test
    void aNulInATenantIdIsA400ForTheOperatorAndA401ForAnyoneElse() {
        given().auth().oauth2(Tenants.ADMIN_TOKEN).contentType("application/json").urlEncodingEnabled(false)
                .body(Map.of("label", "k")).post("/admin/v1/tenants/t%00/api-keys")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", hasItem("tenantId"));
        given().contentType("application/json").urlEncodingEnabled(false)
                .body(Map.of("label", "k")).post("/admin/v1/tenants/t%00/api-keys")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
    }
}
