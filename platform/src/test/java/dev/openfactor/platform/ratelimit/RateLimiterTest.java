package dev.openfactor.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.PrivateKafkaBroker;
import dev.openfactor.platform.time.AdjustableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The one rate-limit mechanism, on the real database, one transaction per request as the services use it. */
@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private static final RateRule FIVE_PER_15_MIN = new RateRule("test.five", 5, Duration.ofMinutes(15));

    @Inject
    RateLimiter limiter;

    @Inject
    AdjustableClock clock;

    @Inject
    MeterRegistry meters;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fortyRacingChargesAdmitExactlyTheLimit() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                racers.add(() -> {
                    start.await();
                    return admitted(FIVE_PER_15_MIN.on(key));
                });
            }
            List<Future<Boolean>> results = racers.stream().map(pool::submit).toList();
            start.countDown();
            long admitted = 0;
            for (Future<Boolean> r : results) {
                admitted += r.get() ? 1 : 0;
            }
            assertEquals(5, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWindowSlidesAndRetryAfterSaysWhenTheOldestLeaves() {
        String key = UUID.randomUUID().toString();
        clock.freezeAt(T0);
        admitted(FIVE_PER_15_MIN.on(key));
        clock.freezeAt(T0.plus(Duration.ofMinutes(10)));
        for (int i = 0; i < 4; i++) {
            assertTrue(admitted(FIVE_PER_15_MIN.on(key)));
        }

        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> charge(FIVE_PER_15_MIN.on(key)));
        assertEquals(Duration.ofMinutes(5), refused.retryAfter().orElseThrow());
        assertEquals("test.five", refused.rule());
        clock.freezeAt(T0.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertTrue(admitted(FIVE_PER_15_MIN.on(key)), "the first send left the window");
        assertEquals(false, admitted(FIVE_PER_15_MIN.on(key)), "the other four are still in it");
    }

    @Test
    void aRefusalCountsAgainstNoneOfTheCharges() {
        RateRule one = new RateRule("test.one", 1, Duration.ofMinutes(1));
        String full = UUID.randomUUID().toString();
        String free = UUID.randomUUID().toString();
        assertTrue(admitted(one.on(full)));

        assertEquals(false, admitted(one.on(free), one.on(full)));
        assertTrue(admitted(one.on(free)), "the refused request charged nothing");
    }

    @Test
    void theTenantDailyBudgetRefusesWhateverTheUserAndNumberAndIsCounted() {
        SendQuota quota = SendQuota.of(5, Duration.ofMinutes(15), 3);
        String tenant = UUID.randomUUID().toString();
        double before = meters.counter("openfactor.rate_limit.refused", "rule", "code.tenant-daily").count();
        for (int i = 0; i < 3; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> quota.charge(limiter, tenant, "user" + n, "+1415555000" + n));
        }

        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> quota.charge(limiter, tenant, "someone-else", "+14155550999")));
        assertEquals("code.tenant-daily", refused.rule());
        assertEquals(before + 1, meters.counter("openfactor.rate_limit.refused", "rule", "code.tenant-daily").count());
        QuarkusTransaction.requiringNew().run(() -> quota.charge(limiter, UUID.randomUUID().toString(), "u", "+14155550999"));
    }

    private boolean admitted(RateRule.Charge... charges) {
        try {
            charge(charges);
            return true;
        } catch (RateLimitedException e) {
            return false;
        }
    }

    private void charge(RateRule.Charge... charges) {
        QuarkusTransaction.requiringNew().run(() -> limiter.charge("test", charges));
    }
}
