package dev.openfactor.notification.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.OpenApiFuzzer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Thousands of hostile requests made from this service's OpenAPI document: no 5xx, no internals, only problems. */
@QuarkusTest
@TestProfile(SandboxTest.SandboxOn.class)
class HostileOpenApiTest {

    private static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";

    @TestHTTPResource("/")
    URI base;

    @Test
    void hostileRequestsFromTheOpenApiDocumentGetOnlyProblemsNeverA5xx() throws Exception {
        OpenApiFuzzer.Report report = OpenApiFuzzer.against(base, 20261204L).requests(4000)
                .credential("/sandbox/", "Bearer " + ADMIN_TOKEN)
                .known("address", "+14155550100")
                .run();

        System.out.println("notification-service fuzz: " + report);
        assertTrue(report.sent() >= 2500, report.toString());
        assertTrue(report.findings().isEmpty(), report.toString());
    }
}
