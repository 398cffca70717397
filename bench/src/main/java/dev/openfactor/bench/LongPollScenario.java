package dev.openfactor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 5. Long-poll capacity: many concurrent {@code GET /v1/challenges/{id}?waitSeconds=25}; the
 * verification-service's RSS and threads while they wait, and the time from each app approval
 * to each waiter's answer.
 */
final class LongPollScenario {

    private static final String NAME = "long-poll";

    private LongPollScenario() {
    }

    static void run(BenchSystem system, Fixtures fixtures, BenchSettings settings, Report report) throws Exception {
        List<Fixtures.AppUser> users = fixtures.appUsers(settings.longPollChallenges(), false);
        Challenges challenges = new Challenges(system.verification(), fixtures.apiKey);
        challenges.awaitProjection(users.stream().map(Fixtures.AppUser::userId).toList(), Duration.ofSeconds(60));
        List<JsonNode> created = new ArrayList<>();
        for (Fixtures.AppUser u : users) {
            created.add(Json.send(challenges.push(u.userId())).expect(201).body());
        }
        ServiceProcess verification = system.verification();
        System.gc();
        ServiceProcess.pause(1000);
        double rssBefore = ProcessStats.rssMegabytes(verification.pid());
        long threadsBefore = ProcessStats.threads(verification.pid());

        int waiters = settings.longPollWaiters();
        AtomicLongArray approvedAt = new AtomicLongArray(created.size());
        Histogram wake = new Histogram(3);
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (int j = 0; j < waiters; j++) {
            int c = j % created.size();
            answers.add(Json.sendAsync(challenges.status(created.get(c).get("challengeId").asText(), 25)).thenAccept(a -> {
                long now = System.nanoTime();
                if ("approved".equals(a.body() == null ? null : a.body().path("status").asText()) && approvedAt.get(c) != 0) {
                    synchronized (wake) {
                        wake.recordValue(Math.max(1, (now - approvedAt.get(c)) / 1000));
                    }
                }
            }));
        }
        ServiceProcess.pause(Math.min(5000, 500 + waiters)); // all requests in and waiting
        double rssWaiting = ProcessStats.rssMegabytes(verification.pid());
        long threadsWaiting = ProcessStats.threads(verification.pid());

        for (int c = 0; c < created.size(); c++) {
            Fixtures.AppUser u = users.get(c);
            String challengeId = created.get(c).get("challengeId").asText();
            String body = "{\"decision\":\"approve\",\"numberMatch\":\"" + created.get(c).get("numberMatch").asText() + "\"}";
            approvedAt.set(c, System.nanoTime());
            Json.send(u.device().signed("POST", verification.url(""),
                    "/v1/devices/" + u.device().deviceId() + "/challenges/" + challengeId + "/response", body)).expect(200);
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        report.add(Figure.of(NAME, waiters + " waiters: RSS added", Math.max(0.01, rssWaiting - rssBefore), "MB")
                .target("< 100 MB", rssWaiting - rssBefore < 100));
        report.add(Figure.of(NAME, waiters + " waiters: verification RSS", rssWaiting, "MB"));
        report.add(Figure.of(NAME, waiters + " waiters: threads (before " + threadsBefore + ")", threadsWaiting, "threads"));
        report.add(Figure.of(NAME, "approval → waiter answer p50", PushPathScenario.ms(wake, 50), "ms"));
        report.add(Figure.of(NAME, "approval → waiter answer p99", PushPathScenario.ms(wake, 99), "ms"));
        report.add(Figure.of(NAME, "approval → waiter answer max", wake.getMaxValue() / 1000.0, "ms"));
        if (wake.getTotalCount() < waiters) {
            report.note("long-poll: " + (waiters - wake.getTotalCount()) + " of " + waiters + " waiters did not see the approval");
        }
    }
}
