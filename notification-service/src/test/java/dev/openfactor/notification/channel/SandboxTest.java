package dev.openfactor.notification.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.openfactor.notification.testdata.Commands;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The sandbox channel of local runs: nothing is sent, everything is shown at /sandbox/v1/deliveries. */
@QuarkusTest
@TestProfile(SandboxTest.SandboxOn.class)
class SandboxTest {

    public static class SandboxOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openfactor.notification.sandbox.enabled", "true");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void sandboxRecordsTheRenderedCodeAndPushNewestLast() throws Exception {
        String number = "+1415555" + (1000 + (int) (Math.random() * 8999));
        Commands.publish(kafka, Commands.code("sms", number, null, "135790", Instant.now().plusSeconds(300)));
        Map<String, Object> push = Commands.push("apns", number, Instant.now().plusSeconds(120));
        Commands.publish(kafka, push);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (given().queryParam("address", number).get("/sandbox/v1/deliveries").then().extract().jsonPath()
                .getList("").size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        given().queryParam("address", number).get("/sandbox/v1/deliveries").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].channel", equalTo("sms"))
                .body("[0].content.text", equalTo("Contoso: your sign-in code is 135790."))
                .body("[1].channel", equalTo("apns"))
                .body("[1].challengeId", equalTo(push.get("challengeId")))
                .body("[1].content.data.challengeId", equalTo(push.get("challengeId")));
    }
}
