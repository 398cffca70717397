package dev.openfactor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.HdrHistogram.Histogram;

/**
 * 1. TOTP verification: valid fresh codes, each accepted once (so replay state is written),
 * at saturation and then at half that rate. Two references: the single conditional UPDATE that
 * replay protection needs, and the whole sign-in's SQL run from plain JDBC ({@link SignInCeiling}).
 */
final class TotpScenario {

    private static final String NAME = "totp";

    /** Users whose codes the open loop interleaves: at 500/s, a user's codes go out 0.2 s apart. */
    private static final int OPEN_LOOP_BLOCK = 100;

    private TotpScenario() {
    }

    static void run(BenchSystem system, Fixtures fixtures, BenchSettings settings, Report report) throws Exception {
        List<Fixtures.TotpUser> users = fixtures.totpUsers(settings.totpUsers());
        Challenges challenges = new Challenges(system.verification(), fixtures.apiKey);
        users.subList(users.size() - 3, users.size()).forEach(u -> challenges.awaitProjection(u.userId(), Duration.ofSeconds(60)));
        // The probes above spent no step; the first users below are the probes' neighbours, untouched.
        int saturationUsers = users.size() * 2 / 3;
        long[] baseStep = new long[users.size()];
        int workers = settings.concurrency();

        // Warm-up on the last third of the saturation users, unmeasured; the run proper starts at 0.
        saturate(challenges, users, baseStep, workers, saturationUsers * 2 / 3, saturationUsers, settings.warmup());
        CpuUse cpu = CpuUse.start(system);
        Saturation.Result saturated = saturate(challenges, users, baseStep, workers, 0, saturationUsers * 2 / 3,
                settings.saturationRun());
        cpu.perOperation(report, NAME, "verification at saturation", saturated.succeeded() + saturated.failed(),
                Map.of("verification", 0.5));
        double halfRate = Math.max(1, saturated.perSecond() / 2);
        int openUsersFrom = saturationUsers;
        int blockSize = Math.min(OPEN_LOOP_BLOCK, users.size() - openUsersFrom);
        OpenLoop.Result open = OpenLoop.run(halfRate, settings.fixedRateRun(), i -> {
            // A user's three codes go out a block of users apart, one after another as in the closed
            // loop. Back to back they raced: in a full run 37 % lost to a later step already taken
            // and were refused as replays, so the open loop timed the failure path.
            long block = i / (3L * blockSize);
            int k = (int) (i % (3L * blockSize) / blockSize);
            int index = openUsersFrom + (int) (block * blockSize + i % blockSize);
            if (index >= users.size()) {
                return CompletableFuture.failedFuture(new IllegalStateException("out of users"));
            }
            String code = code(users.get(index), baseStep, index, k);
            return Json.sendAsync(challenges.totp(users.get(index).userId(), code)).thenAccept(answer -> {
                if (!Challenges.approved(answer)) {
                    throw new IllegalStateException("not approved");
                }
            });
        });
        Histogram h = open.latencyMicros();

        // The references after the service's runs, so that their writes and dropped tables do not
        // spill into the service's figures.
        Saturation.Result ceiling = new DatabaseCeiling().measure(20, settings.saturationRun(), saturationUsers);
        Saturation.Result sameSql = new SignInCeiling().measure(20, settings.saturationRun(), saturationUsers);
        report.add(Figure.of(NAME, "verifications/s at saturation", saturated.perSecond(), "ops/s")
                .against("PostgreSQL conditional UPDATE, 20 connections", ceiling.perSecond()));
        report.add(Figure.of(NAME, "verifications/s at saturation", saturated.perSecond(), "ops/s")
                .against("the same SQL from plain JDBC, 20 connections", sameSql.perSecond())
                .target("≥ 50 % of the same SQL", saturated.perSecond() >= 0.5 * sameSql.perSecond()));
        if (saturated.failed() > 0) {
            report.note("totp: " + saturated.failed() + " of " + (saturated.failed() + saturated.succeeded())
                    + " codes at saturation were not approved (a step boundary passed between a user's codes)");
        }
        report.add(Figure.of(NAME, String.format("p50 at %.0f/s (50 %% of saturation)", halfRate), h.getValueAtPercentile(50) / 1000.0, "ms"));
        report.add(Figure.of(NAME, String.format("p99 at %.0f/s (50 %% of saturation)", halfRate), h.getValueAtPercentile(99) / 1000.0, "ms"));
        if (open.failed() > 0) {
            report.note("totp open loop: " + open.failed() + " of " + open.issued()
                    + " codes were not approved (fresh users ran out, or a step boundary passed between a user's codes)");
        }
    }

    /** Every worker walks its own users of [from, to), three codes each. */
    private static Saturation.Result saturate(Challenges challenges, List<Fixtures.TotpUser> users, long[] baseStep,
            int workers, int from, int to, Duration run) {
        return Saturation.run(workers, run, (w, seq) -> {
            long index = from + w + (seq / 3) * workers;
            if (index >= to) {
                return Saturation.Outcome.EXHAUSTED;
            }
            String code = code(users.get((int) index), baseStep, (int) index, (int) (seq % 3));
            return Challenges.approved(Json.send(challenges.totp(users.get((int) index).userId(), code)))
                    ? Saturation.Outcome.OK : Saturation.Outcome.FAILED;
        });
    }

    /** A user's three codes go out in ascending step order: previous, current, next. */
    private static String code(Fixtures.TotpUser user, long[] baseStep, int index, int k) {
        if (k == 0) {
            baseStep[index] = Totp.step(Instant.now().getEpochSecond());
        }
        return Totp.code(user.secret(), baseStep[index] - 1 + k);
    }
}
