package dev.openfactor.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time each service spent between {@link #start} and {@link #perOperation}: milliseconds of
 * CPU per operation is the figure that says whether a rate fits on the machine at all.
 */
final class CpuUse {

    private final BenchSystem system;
    private final Map<String, Double> before = new LinkedHashMap<>();

    private CpuUse(BenchSystem system) {
        this.system = system;
        system.services.forEach((name, process) -> before.put(name, ProcessStats.cpuSeconds(process.pid())));
    }

    static CpuUse start(BenchSystem system) {
        return new CpuUse(system);
    }

    /**
     * Milliseconds of CPU per operation for each service; adds a figure for each that did
     * measurable work, with its target where the scenario gives one.
     */
    Map<String, Double> perOperation(Report report, String scenario, String operation, long operations,
            Map<String, Double> targetsMs) {
        Map<String, Double> perService = new LinkedHashMap<>();
        if (operations == 0) {
            return perService;
        }
        before.forEach((name, start) -> {
            ServiceProcess process = system.services.get(name);
            if (process == null) {
                return;
            }
            double ms = (ProcessStats.cpuSeconds(process.pid()) - start) * 1000 / operations;
            perService.put(name, ms);
            Double target = targetsMs.get(name);
            if (target != null) {
                report.add(Figure.of(scenario, name + ": CPU per " + operation, ms, "ms")
                        .target(String.format(Locale.ROOT, "≤ %s ms", target), ms <= target));
            } else if (ms >= 0.01) {
                report.add(Figure.of(scenario, name + ": CPU per " + operation, ms, "ms"));
            }
        });
        return perService;
    }
}
