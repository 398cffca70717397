package dev.openfactor.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./openfactor bench [--quick]}: starts the system, runs the five scenarios with their
 * same-run references, prints every figure and writes the table (docs/BENCHMARKS.md for a full run).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args);
        Report report = run(settings, ServiceProcess.root());
        System.exit(report.figures().stream().allMatch(Figure::sane) ? 0 : 1);
    }

    /** Started as {@code up} starts it (archives recorded), each service on an empty database. */
    private static BenchSystem freshSystem(Path root, String kafka, java.util.Map<String, String> notificationEnv) {
        BenchSystem.recordClassData(root, kafka, notificationEnv);
        BenchDatabases.empty();
        return BenchSystem.start(root, kafka, notificationEnv);
    }

    public static Report run(BenchSettings settings, Path root) throws Exception {
        Report report = new Report();
        String machine = Machine.describe();
        System.out.println("OpenFactor bench (" + settings.label() + ") on " + machine);
        RssSampler load = new RssSampler();
        try (BenchBroker broker = BenchBroker.start(root);
                ApnsStandIn apns = ApnsStandIn.start(root.resolve(".openfactor/bench"));
                BenchSystem system = freshSystem(root, broker.bootstrapServers(), NotificationToStandIn.env(apns))) {
            String kafka = broker.bootstrapServers();
            ServiceProcess.pause(settings.idleSettle().toMillis());
            for (var entry : system.services.entrySet()) {
                String name = entry.getKey();
                report.add(Figure.of("startup", name + ": process start → ready", system.readySeconds.get(name), "s")
                        .target("≤ 3 s", system.readySeconds.get(name) <= 3));
                double idle = ProcessStats.rssMegabytes(entry.getValue().pid());
                report.add(Figure.of("startup", name + ": RSS idle", idle, "MB").target("≤ 250 MB", idle <= 250));
            }
            try (RssSampler.Sampling s = load.sample(system.services.values())) {
                Fixtures fixtures = Fixtures.newTenant(system);
                if (settings.runs("totp")) {
                    TotpScenario.run(system, fixtures, settings, report);
                }
                if (settings.runs("push")) {
                    PushPathScenario.run(system, fixtures, settings, report, apns, kafka);
                }
                if (settings.runs("fan-out")) {
                    FanOutScenario.run(system, settings, report, apns, kafka);
                }
                if (settings.runs("long-poll")) {
                    LongPollScenario.run(system, fixtures, settings, report);
                }
            }
            for (String name : system.services.keySet()) {
                report.add(Figure.of("startup", name + ": RSS peak under load", load.peak(name), "MB"));
            }
        }
        Path out = "full".equals(settings.label()) ? root.resolve("docs/BENCHMARKS.md")
                : root.resolve(".openfactor/bench/" + settings.label() + ".md");
        report.write(out, settings, machine);
        System.out.println(String.format(Locale.ROOT, "%nwritten to %s", root.relativize(out)));
        return report;
    }
}
