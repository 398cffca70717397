package dev.openfactor.enrollment.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.testdata.EventCatalogue;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.IndependentTotp;
import dev.openfactor.platform.testing.TopicReader;
import dev.openfactor.platform.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The step of the code that confirmed a TOTP credential leaves in the profile snapshot, so
 * verification-service seeds its replay state with it (its TotpConfirmationReplayTest shows the
 * code then denied at sign-in).
 */
@QuarkusTest
class TotpConfirmationTest {

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
    void theSnapshotCarriesTheStepOfTheConfirmingCode() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(15); // mid-step
        long step = at.getEpochSecond() / 30;
        clock.freezeAt(at);
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        JsonPath created = tenant.asFrontend().post("/v1/users/" + user + "/totp-credentials")
                .then().statusCode(201).body("status", equalTo("pending")).extract().jsonPath();
        String methodId = created.getString("methodId");

        String code = IndependentTotp.code(created.getString("secret"), "SHA1", 6, 30, at.getEpochSecond());
        tenant.asFrontend().body(Map.of("code", code)).post("/v1/users/" + user + "/totp-credentials/" + methodId + "/confirm")
                .then().statusCode(200).body("status", equalTo("active"));

        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.profiles")) {
            List<TopicReader.Received> snapshots = reader.awaitMatching(r -> key.equals(r.key()), 2, Duration.ofSeconds(20));
            JsonNode pending = mapper.readTree(snapshots.get(0).event().data()).at("/methods/0/totp");
            JsonNode confirmed = mapper.readTree(snapshots.get(1).event().data()).at("/methods/0/totp");
            assertFalse(pending.has("lastAcceptedStep"), "no step before a code was accepted");
            assertEquals(step, confirmed.get("lastAcceptedStep").asLong());
            assertEquals(EventCatalogue.fieldNames(EventCatalogue.sampleMethod("totp").get("totp")),
                    EventCatalogue.fieldNames(confirmed));
        }
    }
}
