package dev.openfactor.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * 2. Push path: from {@code POST /v1/challenges {method: push}} returning to the APNs request
 * arriving at the stand-in, at a fixed rate. Reference: the broker's produce-to-consume latency.
 */
final class PushPathScenario {

    private static final String NAME = "push";

    private PushPathScenario() {
    }

    static void run(BenchSystem system, Fixtures fixtures, BenchSettings settings, Report report, ApnsStandIn apns,
            String kafka) throws Exception {
        int count = (int) (settings.pushRate() * settings.pushRun().toSeconds());
        List<Fixtures.AppUser> users = fixtures.appUsers(count + 1, true);
        Challenges challenges = new Challenges(system.verification(), fixtures.apiKey);
        challenges.awaitProjection(users.stream().map(Fixtures.AppUser::userId).toList(), Duration.ofSeconds(60));

        int warmup = (int) Math.min(count, settings.pushRate() * settings.warmup().toSeconds());
        pushAtRate(settings, warmup, users, challenges, apns, new Histogram(3), new AtomicLong(), new AtomicLong());

        Histogram latency = new Histogram(3);
        AtomicLong missing = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CpuUse cpu = CpuUse.start(system);
        pushAtRate(settings, count, users, challenges, apns, latency, missing, refused);
        double cpuSummed = cpu.perOperation(report, NAME, "push challenge", count - refused.get(), Map.of())
                .values().stream().mapToDouble(Double::doubleValue).sum();
        report.add(Figure.of(NAME, "CPU per push challenge, three services summed", cpuSummed, "ms")
                .target("≤ 3 ms", cpuSummed <= 3));
        Histogram broker = new KafkaLatency(kafka).measure(settings.pushRate(), settings.pushRun());
        String at = " at " + settings.pushRate() + "/s";
        report.add(Figure.of(NAME, "p50 POST returned → APNs request" + at, ms(latency, 50), "ms")
                .against("Kafka produce→consume p50", ms(broker, 50)));
        report.add(Figure.of(NAME, "p99 POST returned → APNs request" + at, ms(latency, 99), "ms")
                .against("Kafka produce→consume p99", ms(broker, 99))
                .target("≤ 100 ms (50 ms stretch)", ms(latency, 99) <= 100));
        report.add(Figure.of(NAME, "max POST returned → APNs request" + at, latency.getMaxValue() / 1000.0, "ms")
                .against("Kafka produce→consume max", broker.getMaxValue() / 1000.0));
        if (missing.get() + refused.get() > 0) {
            report.note("push: " + refused.get() + " challenges refused, " + missing.get() + " pushes never reached the stand-in");
        }
    }

    /** Each challenge to its own user (the pending cap is 3 per user, a warm-up takes one). */
    private static void pushAtRate(BenchSettings settings, int count, List<Fixtures.AppUser> users, Challenges challenges,
            ApnsStandIn apns, Histogram latency, AtomicLong missing, AtomicLong refused) throws Exception {
        Duration run = Duration.ofMillis(count * 1000L / settings.pushRate());
        OpenLoop.run(settings.pushRate(), run, i -> Json.sendAsync(challenges.push(users.get((int) i).userId()))
                .thenCompose(answer -> {
                    long returned = System.nanoTime();
                    if (answer.status() != 201) {
                        refused.incrementAndGet();
                        return CompletableFuture.completedFuture(null);
                    }
                    return apns.arrivalOf(answer.body().get("challengeId").asText())
                            .orTimeout(10, TimeUnit.SECONDS)
                            .handle((arrived, timeout) -> {
                                if (timeout != null) {
                                    missing.incrementAndGet();
                                } else {
                                    synchronized (latency) {
                                        latency.recordValue(Math.max(1, (arrived - returned) / 1000));
                                    }
                                }
                                return null;
                            });
                }));
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
