package dev.openfactor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Keeps the harness working: the whole bench on tiny settings, against the real services,
 * PostgreSQL, a Kafka broker of its own and the APNs stand-in. Nothing here is timed; it checks that every figure
 * is produced and sane, not that it is good.
 */
class BenchHarnessTest {

    @Test
    void tinyRunProducesEveryFigureWithItsReference() throws Exception {
        Path root = ServiceProcess.root();

        Report report = Bench.run(BenchSettings.tiny(), root);

        // CPU per operation is one figure per service that did measurable work: checked apart.
        Map<String, List<Figure>> byScenario = report.figures().stream().filter(f -> !isCpu(f))
                .collect(Collectors.groupingBy(Figure::scenario));
        assertEquals(9, byScenario.get("startup").size(), "ready time, idle RSS and peak RSS for 3 services");
        assertEquals(4, byScenario.get("totp").size(), "throughput twice (against the UPDATE and the same SQL), p50, p99");
        assertEquals(4, byScenario.get("push").size(), "CPU summed over the services, p50, p99, max");
        assertEquals(1, byScenario.get("fan-out").size());
        assertEquals(6, byScenario.get("long-poll").size());
        assertTrue(hasCpu(report, "totp", "verification"), "CPU per TOTP verification of verification-service");
        assertTrue(hasCpu(report, "push", "verification"), "CPU per push challenge of verification-service");
        assertTrue(hasCpu(report, "fan-out", "notification"), "CPU per command of notification-service");
        for (Figure f : report.figures()) {
            assertTrue(f.sane(), "figure " + f.scenario() + " / " + f.name() + " = " + f.value() + " vs " + f.referenceValue());
        }
        assertTrue(byScenario.get("totp").get(0).reference() != null, "TOTP throughput has its database reference");
        assertTrue(byScenario.get("totp").get(1).reference().contains("same SQL"), "and its same-SQL reference");
        assertTrue(byScenario.get("push").get(2).reference() != null, "push p99 has its Kafka reference");
        assertTrue(byScenario.get("fan-out").get(0).reference() != null, "fan-out has its raw pushy reference");
        assertTrue(Files.readString(root.resolve(".openfactor/bench/tiny.md")).contains("| totp |"));
    }

    private static boolean isCpu(Figure f) {
        return f.name().contains(": CPU per ");
    }

    private static boolean hasCpu(Report report, String scenario, String service) {
        return report.figures().stream().anyMatch(f -> isCpu(f) && f.scenario().equals(scenario)
                && f.name().startsWith(service + ":") && f.value() > 0);
    }
}
