package dev.openfactor.enrollment.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.platform.testing.TestDevice;
import dev.openfactor.platform.testing.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Per-user caps (EnrollmentConfig.Limits) hold when many creations for one user arrive at once. */
@QuarkusTest
class UserLimitsTest {

    @Test
    void twentyParallelTotpCredentialsForANewUserAdmitExactlyTheCapOfTen() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        List<Response> answers = Race.run(20, i -> tenant.asFrontend().body(Map.of("label", "Authenticator"))
                .post("/v1/users/" + user + "/totp-credentials"));

        assertEquals(10, Race.withStatus(answers, 201));
        assertEquals(10, Race.withStatus(answers, 409));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> r.then()
                .contentType("application/problem+json").body("code", equalTo("limit_reached")).body("limit", equalTo(10)));
        tenant.asFrontend().get("/v1/users/" + user).then().statusCode(200)
                .body("methods.findAll { it.type == 'totp' }.size()", equalTo(10));
    }

    @Test
    void twentyParallelActivationsAdmitExactlyTheCapOfThreeOpenOnes() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        List<Response> answers = Race.run(20, i -> tenant.asFrontend().body(Map.of())
                .post("/v1/users/" + user + "/authenticator-activations"));

        assertEquals(3, Race.withStatus(answers, 201));
        assertEquals(17, Race.withStatus(answers, 409));
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> r.then().body("code", equalTo("limit_reached")).body("limit", equalTo(3)));
    }

    @Test
    void twoActivationsRacingForTheLastDeviceSlotPairOnlyOneApp() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        for (int i = 0; i < 4; i++) {
            Activations.pair(tenant, user, new TestDevice());
        }
        List<Activations.Started> open = List.of(Activations.start(tenant, user), Activations.start(tenant, user));

        List<Response> answers = Race.run(2, i -> Activations.activate(open.get(i).ref(),
                Activations.appRequest(open.get(i).code(), new TestDevice())));

        assertEquals(1, Race.withStatus(answers, 200));
        answers.stream().filter(r -> r.statusCode() != 200)
                .forEach(r -> r.then().statusCode(409).body("code", equalTo("limit_reached")).body("limit", equalTo(5)));
        tenant.asFrontend().body(Map.of()).post("/v1/users/" + user + "/authenticator-activations")
                .then().statusCode(409).body("code", equalTo("limit_reached"));
    }

    @Test
    void parallelPhonesOfOneTypeLeaveOnePhoneOfThatType() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        List<Response> answers = Race.run(10, i -> tenant.asFrontend()
                .body(Map.of("type", "office", "number", "+14155550" + (100 + (int) (Math.random() * 899))))
                .post("/v1/users/" + user + "/phones"));

        answers.forEach(r -> assertEquals(true, r.statusCode() == 201 || r.statusCode() == 429, r.asString()));
        tenant.asFrontend().get("/v1/users/" + user).then().statusCode(200)
                .body("methods.findAll { it.type == 'phone' }.size()", equalTo(1));
    }

    /** Fires {@code n} requests at the same moment from {@code n} threads. */
}
