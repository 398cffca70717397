package dev.openfactor.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * How hard and how long each scenario pushes: full for docs/BENCHMARKS.md, quick for a look, tiny
 * for the CI test. {@code warmup}: the fixed-rate paths run unmeasured first, so the figures are
 * of compiled code, not of the JIT compiler competing for the same two cores.
 */
public record BenchSettings(String mode, Duration saturationRun, Duration fixedRateRun, int totpUsers, int concurrency,
        int pushRate, Duration pushRun, int fanOutCommands, int longPollWaiters, int longPollChallenges,
        Duration idleSettle, Duration warmup, Set<String> only) {

    /** Scenario names accepted by {@code --only=a,b}; startup figures are always taken. */
    public static final Set<String> SCENARIOS = Set.of("totp", "push", "fan-out", "long-poll");

    static final int DEFAULT_PUSH_RATE = 100;

    public static BenchSettings full() {
        return new BenchSettings("full", Duration.ofSeconds(15), Duration.ofSeconds(15), 12_000, 20, DEFAULT_PUSH_RATE,
                Duration.ofSeconds(30), 20_000, 2_000, 100, Duration.ofSeconds(5), Duration.ofSeconds(10), Set.of());
    }

    public static BenchSettings quick() {
        return new BenchSettings("quick", Duration.ofSeconds(5), Duration.ofSeconds(5), 3_000, 20, DEFAULT_PUSH_RATE,
                Duration.ofSeconds(10), 5_000, 2_000, 100, Duration.ofSeconds(2), Duration.ofSeconds(5), Set.of());
    }

    /** Keeps the harness honest in CI: every figure is produced, none is meaningful. */
    public static BenchSettings tiny() {
        return new BenchSettings("tiny", Duration.ofSeconds(1), Duration.ofSeconds(1), 60, 4, 10, Duration.ofSeconds(2),
                200, 20, 4, Duration.ofMillis(200), Duration.ofSeconds(1), Set.of());
    }

    public static BenchSettings parse(String[] args) {
        BenchSettings settings = full();
        Set<String> only = Set.of();
        Integer pushRate = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                settings = quick();
            } else if (arg.equals("--tiny")) {
                settings = tiny();
            } else if (arg.startsWith("--only=")) {
                only = new TreeSet<>(Arrays.asList(arg.substring("--only=".length()).split(",")));
                if (!SCENARIOS.containsAll(only)) {
                    throw new IllegalArgumentException("--only takes some of " + new TreeSet<>(SCENARIOS) + ", not " + only);
                }
            } else if (arg.startsWith("--push-rate=")) {
                pushRate = Integer.parseInt(arg.substring("--push-rate=".length()));
                if (pushRate <= 0) {
                    throw new IllegalArgumentException("--push-rate must be positive");
                }
            } else {
                throw new IllegalArgumentException(
                        "unknown option " + arg + " (use --quick, --tiny, --only=totp,push,..., --push-rate=N)");
            }
        }
        settings = settings.only(only);
        return pushRate == null ? settings : settings.pushRate(pushRate);
    }

    /** The push path at another rate than the 100/s, to find where its latency holds. */
    public BenchSettings pushRate(int perSecond) {
        return new BenchSettings(mode, saturationRun, fixedRateRun, totpUsers, concurrency, perSecond, pushRun,
                fanOutCommands, longPollWaiters, longPollChallenges, idleSettle, warmup, only);
    }

    public BenchSettings only(Set<String> scenarios) {
        return new BenchSettings(mode, saturationRun, fixedRateRun, totpUsers, concurrency, pushRate, pushRun,
                fanOutCommands, longPollWaiters, longPollChallenges, idleSettle, warmup, Set.copyOf(scenarios));
    }

    public boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    /** A partial run is a profiling aid: it never overwrites the full table. */
    public String label() {
        String label = only.isEmpty() ? mode : mode + "-" + String.join("-", new TreeSet<>(only));
        return pushRate == DEFAULT_PUSH_RATE || mode.equals("tiny") ? label : label + "-push" + pushRate;
    }
}
