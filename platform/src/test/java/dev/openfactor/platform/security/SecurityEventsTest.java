package dev.openfactor.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.PrivateKafkaBroker;
import dev.openfactor.platform.testing.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Refusals are visible to operators, and guessing the admin token is slowed down. Requests name
 * their client with X-Forwarded-For (the test configuration trusts it, as a deployment behind an
 * ingress would), so each test is its own address and no test blocks another.
 */
@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class SecurityEventsTest {

    private static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";
    private static final String REFUSALS = "openfactor_security_refusals_total";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Test
    void unauthorizedAnswersAreCountedByStatusAndCode() {
        Map<String, String> series = Map.of("status", "401", "code", "unauthorized");
        double before = PrometheusScrape.value(REFUSALS, series);

        from(newAddress()).auth().oauth2("not-an-api-key").when().get("/v1/whoami")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
        from(newAddress()).when().get("/v1/whoami").then().statusCode(401).body("code", equalTo("unauthorized"));

        assertEquals(before + 2, PrometheusScrape.value(REFUSALS, series));
    }

    @Test
    void lockedAndRateLimitedAnswersOfResourcesAreCountedByCode() {
        Map<String, String> locked = Map.of("status", "423", "code", "user_locked");
        Map<String, String> limited = Map.of("status", "429", "code", "rate_limited");
        double lockedBefore = PrometheusScrape.value(REFUSALS, locked);
        double limitedBefore = PrometheusScrape.value(REFUSALS, limited);

        from(newAddress()).when().get("/v1/open/locked").then().statusCode(423).body("code", equalTo("user_locked"));
        from(newAddress()).when().get("/v1/open/conflict").then().statusCode(429).body("code", equalTo("rate_limited"));

        assertEquals(lockedBefore + 1, PrometheusScrape.value(REFUSALS, locked));
        assertEquals(limitedBefore + 1, PrometheusScrape.value(REFUSALS, limited));
    }

    @Test
    void fiveWrongAdminTokensFromOneAddressGetTheNextRequest429EvenWithTheRightToken() {
        String attacker = newAddress();
        double throttledBefore = PrometheusScrape.value(REFUSALS, Map.of("status", "429", "code", "rate_limited"));
        for (int i = 0; i < 5; i++) {
            from(attacker).auth().oauth2(ADMIN_TOKEN + "-guess-" + i).when().get("/admin/v1/ping")
                    .then().statusCode(401).body("code", equalTo("unauthorized"));
        }

        String retryAfter = from(attacker).auth().oauth2(ADMIN_TOKEN).when().get("/admin/v1/ping")
                .then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited")).body("status", equalTo(429))
                .extract().header("Retry-After");

        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + retryAfter);
        assertEquals(throttledBefore + 1, PrometheusScrape.value(REFUSALS, Map.of("status", "429", "code", "rate_limited")));
        // Another address is not held back by the attacker's failures.
        from(newAddress()).auth().oauth2(ADMIN_TOKEN).when().get("/admin/v1/ping")
                .then().statusCode(200).body("admin", equalTo("yes"));
    }

    @Test
    void fourWrongAdminTokensStillLetTheRightOneIn() {
        String operator = newAddress();
        for (int i = 0; i < 4; i++) {
            from(operator).auth().oauth2("typo-" + i + "-" + ADMIN_TOKEN).when().get("/admin/v1/ping").then().statusCode(401);
        }

        from(operator).auth().oauth2(ADMIN_TOKEN).when().get("/admin/v1/ping")
                .then().statusCode(200).body("admin", equalTo("yes"));
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    /** An address from TEST-NET-2 (RFC 5737), a different one for each use. */
    private static String newAddress() {
        return "198.51.100." + NEXT_ADDRESS.getAndIncrement();
    }
}
