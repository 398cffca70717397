package dev.openfactor.enrollment.rest;

import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.testdata.EventCatalogue;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.otp.RecoveryCodeHashes;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Issued recovery codes leave only as PBKDF2 hashes, with their parameters, that sign-in can check. */
@QuarkusTest
class RecoveryCodeEnrollmentTest {

    @ConfigProperty(name = "openfactor.enrollment.recovery-codes.kdf-iterations")
    int kdfIterations;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Test
    void issuedCodesTravelAsPbkdf2HashesThatMatchEachCodeAndNothingElse() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();

        List<String> codes = tenant.asFrontend().post("/v1/users/" + user + "/recovery-codes")
                .then().statusCode(201).body("codes", hasSize(10)).extract().path("codes");

        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.profiles")) {
            TopicReader.Received received = reader.awaitMatching(r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            codes.forEach(c -> assertFalse(received.event().data().contains(c), "no plaintext recovery code"));
            JsonNode stored = mapper.readTree(received.event().data()).at("/methods/0/recoveryCodes");
            assertEquals("pbkdf2-sha256", stored.get("kdf").asText());
            assertEquals(kdfIterations, stored.get("iterations").asInt(), "the count the set was made with travels with it");
            assertEquals(EventCatalogue.fieldNames(EventCatalogue.sampleMethod("recovery_codes").get("recoveryCodes")),
                    EventCatalogue.fieldNames(stored));

            RecoveryCodeHashes set = mapper.treeToValue(stored, RecoveryCodeHashes.class);
            assertEquals(10, set.hashes().size());
            assertTrue(set.match(codes.get(0)).isPresent());
            assertTrue(set.match(codes.get(9).toLowerCase().replace("-", " ")).isPresent());
            assertFalse(set.match("AAAAA-AAAAA").isPresent());
        }
    }
}
