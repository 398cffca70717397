package dev.openfactor.bench;

import java.time.Duration;

/** How hard and how long each scenario pushes: full for docs/BENCHMARKS.md, quick for a look, tiny for the CI test. */
public record BenchSettings(String mode, Duration saturationRun, Duration fixedRateRun, int totpUsers, int concurrency,
        int pushRate, Duration pushRun, int fanOutCommands, int longPollWaiters, int longPollChallenges,
        Duration idleSettle) {

    public static BenchSettings full() {
        return new BenchSettings("full", Duration.ofSeconds(15), Duration.ofSeconds(15), 12_000, 20, 100,
                Duration.ofSeconds(30), 20_000, 2_000, 100, Duration.ofSeconds(5));
    }

    public static BenchSettings quick() {
        return new BenchSettings("quick", Duration.ofSeconds(5), Duration.ofSeconds(5), 3_000, 20, 100,
                Duration.ofSeconds(10), 5_000, 2_000, 100, Duration.ofSeconds(2));
    }

    /** Keeps the harness honest in CI: every figure is produced, none is meaningful. */
    public static BenchSettings tiny() {
        return new BenchSettings("tiny", Duration.ofSeconds(1), Duration.ofSeconds(1), 60, 4, 10, Duration.ofSeconds(2),
                200, 20, 4, Duration.ofMillis(200));
    }

    public static BenchSettings parse(String[] args) {
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> { return quick(); }
                case "--tiny" -> { return tiny(); }
                default -> { }
            }
        }
        return full();
    }
}
