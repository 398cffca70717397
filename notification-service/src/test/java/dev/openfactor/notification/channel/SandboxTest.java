package dev.openfactor.notification.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.openfactor.notification.testdata.Commands;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * The sandbox channel of local runs: nothing is sent, everything is shown at /sandbox/v1/deliveries,
 * to the admin token only.
 */
@QuarkusTest
@TestProfile(SandboxTest.SandboxOn.class)
class SandboxTest {

    public static class SandboxOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openfactor.notification.sandbox.enabled", "true");
        }
    }

    private static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void sandboxRecordsTheRenderedCodeAndPushNewestLast() throws Exception {
        String number = "+1415555" + (1000 + (int) (Math.random() * 8999));
        Commands.publish(kafka, Commands.code("sms", number, null, "135790", Instant.now().plusSeconds(300)));
        // Deliveries of one dispatch round are sent concurrently, so "newest last" is only
        // defined between rounds: let the code land before the push is even published.
        awaitDeliveries(number, 1);
        Map<String, Object> push = Commands.push("apns", number, Instant.now().plusSeconds(120));
        Commands.publish(kafka, push);
        awaitDeliveries(number, 2);

        operator().queryParam("address", number).get("/sandbox/v1/deliveries").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].channel", equalTo("sms"))
                .body("[0].content.text", equalTo("Contoso: your sign-in code is 135790."))
                .body("[1].channel", equalTo("apns"))
                .body("[1].challengeId", equalTo(push.get("challengeId")))
                .body("[1].content.data.challengeId", equalTo(push.get("challengeId")));
    }

    @Test
    void sandboxAnswersNobodyWithoutTheAdminToken() throws Exception {
        String number = "+1415556" + (1000 + (int) (Math.random() * 8999));
        Commands.publish(kafka, Commands.code("sms", number, null, "246802", Instant.now().plusSeconds(300)));
        awaitDeliveries(number, 1);

        String missing = given().queryParam("address", number).get("/sandbox/v1/deliveries").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthorized")).extract().asString();
        String wrong = given().auth().oauth2(ADMIN_TOKEN + "-not").queryParam("address", number).get("/sandbox/v1/deliveries")
                .then().statusCode(401).extract().asString();
        assertEquals(missing, wrong, "the same 401 whatever was wrong");
        assertFalse(missing.contains("246802"));
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }

    private static void awaitDeliveries(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (operator().queryParam("address", address).get("/sandbox/v1/deliveries").then().extract().jsonPath()
                .getList("").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
