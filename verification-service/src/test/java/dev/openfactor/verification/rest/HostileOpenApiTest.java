package dev.openfactor.verification.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.OpenApiFuzzer;
import dev.openfactor.verification.testdata.AppUser;
import dev.openfactor.verification.testdata.SignInTenant;
import io.quarkus.test.common.http.TestHTTPResource;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;

/** Thousands of hostile requests made from this service's OpenAPI document: no 5xx, no internals, only problems. */
@QuarkusTest
class HostileOpenApiTest extends SignInSuite {

    @TestHTTPResource("/")
    URI base;

    @Test
    void hostileRequestsFromTheOpenApiDocumentGetOnlyProblemsNeverA5xx() throws Exception {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        AppUser app = AppUser.register(tenant, kafka, profiles);
        String challengeId = tenant.asFrontend().body(Map.of("userId", app.userId(), "method", "push"))
                .post("/v1/challenges").then().statusCode(201).extract().path("challengeId");

        OpenApiFuzzer.Report report = OpenApiFuzzer.against(base, 20261204L).requests(4000)
                .credential("/v1/", "Bearer " + tenant.apiKey())
                .known("userId", app.userId())
                .known("deviceId", app.device().deviceId())
                .known("challengeId", challengeId)
                .run();

        System.out.println("verification-service fuzz: " + report);
        assertTrue(report.sent() >= 2500, report.toString());
        assertTrue(report.findings().isEmpty(), report.toString());
    }
}
