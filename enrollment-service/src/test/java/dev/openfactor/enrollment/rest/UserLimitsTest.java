package dev.openfactor.enrollment.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.platform.testing.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Per-user caps (EnrollmentConfig.Limits) hold when many creations for one user arrive at once. */
@QuarkusTest
class UserLimitsTest {

    @Test
    void twentyParallelTotpCredentialsForANewUserAdmitExactlyTheCapOfTen() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        List<Response> answers = inParallel(20, () -> tenant.asFrontend().body(Map.of("label", "Authenticator"))
                .post("/v1/users/" + user + "/totp-credentials"));

        assertEquals(10, count(answers, 201));
        assertEquals(10, count(answers, 409));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> r.then()
                .contentType("application/problem+json").body("code", equalTo("limit_reached")).body("limit", equalTo(10)));
        tenant.asFrontend().get("/v1/users/" + user).then().statusCode(200)
                .body("methods.findAll { it.type == 'totp' }.size()", equalTo(10));
    }

    @Test
    void twentyParallelActivationsAdmitExactlyTheCapOfThreeOpenOnes() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        List<Response> answers = inParallel(20, () -> tenant.asFrontend().body(Map.of())
                .post("/v1/users/" + user + "/authenticator-activations"));

        assertEquals(3, count(answers, 201));
        assertEquals(17, count(answers, 409));
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

        List<Response> answers = inParallel(2, new Supplier<>() {
            private int next;

            @Override
            public synchronized Response get() {
                Activations.Started s = open.get(next++);
                return Activations.activate(s.ref(), Activations.appRequest(s.code(), new TestDevice()));
            }
        });

        assertEquals(1, count(answers, 200));
        answers.stream().filter(r -> r.statusCode() != 200)
                .forEach(r -> r.then().statusCode(409).body("code", equalTo("limit_reached")).body("limit", equalTo(5)));
        tenant.asFrontend().body(Map.of()).post("/v1/users/" + user + "/authenticator-activations")
                .then().statusCode(409).body("code", equalTo("limit_reached"));
    }

    @Test
    void parallelPhonesOfOneTypeLeaveOnePhoneOfThatType() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        List<Response> answers = inParallel(10, () -> tenant.asFrontend()
                .body(Map.of("type", "office", "number", "+14155550" + (100 + (int) (Math.random() * 899))))
                .post("/v1/users/" + user + "/phones"));

        answers.forEach(r -> assertEquals(true, r.statusCode() == 201 || r.statusCode() == 429, r.asString()));
        tenant.asFrontend().get("/v1/users/" + user).then().statusCode(200)
                .body("methods.findAll { it.type == 'phone' }.size()", equalTo(1));
    }

    /** Fires {@code n} requests at the same moment from {@code n} threads. */
    private static List<Response> inParallel(int n, Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.get();
                }));
            }
            ready.await();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> answers, int status) {
        return answers.stream().filter(r -> r.statusCode() == status).count();
    }
}
