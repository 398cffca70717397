package dev.openfactor.enrollment.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.platform.testing.OpenApiFuzzer;
import dev.openfactor.platform.testing.TestDevice;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Thousands of hostile requests made from this service's OpenAPI document: no 5xx, no internals, only problems. */
@QuarkusTest
class HostileOpenApiTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void hostileRequestsFromTheOpenApiDocumentGetOnlyProblemsNeverA5xx() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.pair(tenant, user, device);
        Activations.Started waiting = Activations.start(tenant, user);

        OpenApiFuzzer.Report report = OpenApiFuzzer.against(base, 20261204L).requests(4000)
                .credential("/admin/", "Bearer " + Tenants.ADMIN_TOKEN)
                .credential("/v1/", "Bearer " + tenant.apiKey())
                .known("tenantId", tenant.tenantId())
                .known("userId", user)
                .known("deviceId", device.deviceId())
                .known("activationId", waiting.activationId())
                .known("ref", waiting.ref())
                .run();

        System.out.println("enrollment-service fuzz: " + report);
        assertTrue(report.sent() >= 2500, report.toString());
        assertTrue(report.findings().isEmpty(), report.toString());
    }
}
