package dev.openfactor.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import dev.openfactor.platform.jdbc.Jdbc;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one rate-limit mechanism of every service. A key is decided by the database: the caller's
 * transaction takes an advisory lock on the key, then counts, then records; concurrent callers of
 * the same key (on any replica) wait for the lock and count what the previous holder committed,
 * so no limit ever admits more than its number. Locks are released at commit or rollback, and a
 * refused or rolled-back request records nothing.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** About one charge in this many also clears expired events of every key. */
    private static final int PURGE_ONE_IN = 32;

    private final Jdbc jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    RateLimiter(Jdbc jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Records one event against every charge if each rule still has room; otherwise records none
     * and throws for the first rule that is full, with the wait until its oldest event expires.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void charge(String detail, RateRule.Charge... charges) {
        List<RateRule.Charge> ordered = new ArrayList<>(List.of(charges));
        // One global lock order, so two requests sharing keys can never wait on each other in a cycle.
        ordered.sort(Comparator.comparing(RateRule.Charge::bucket));
        ordered.forEach(c -> hold(c.bucket()));
        Instant now = clock.instant();
        for (RateRule.Charge c : ordered) {
            Window w = window(c.bucket(), now);
            if (w.count() >= c.rule().max()) {
                throw refused(c.rule(), detail, Duration.between(now, w.oldestExpiry()));
            }
        }
        jdbc.batch("INSERT INTO rate_limit_event (bucket, expires_at) VALUES (?, ?)",
                ordered.stream().map(c -> new Object[] {c.bucket(), now.plus(c.rule().window())}).toList());
        purgeNowAndThen(now);
    }

    /**
     * For a cap the caller counts itself (pending push challenges): serializes every caller of
     * {@code rule} and {@code key} until the transaction ends, so "count, then insert" cannot be
     * raced. Throws as {@link #charge} does when {@code current} is already at the rule's max.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoom(RateRule rule, String key, String detail, java.util.function.LongSupplier current) {
        hold(rule.on(key).bucket());
        if (current.getAsLong() >= rule.max()) {
            throw refused(rule, detail, rule.window());
        }
    }

    private void hold(String bucket) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> 1, bucket);
    }

    private record Window(long count, Instant oldestExpiry) {
    }

    private Window window(String bucket, Instant now) {
        return jdbc.query("SELECT count(*), min(expires_at) FROM rate_limit_event WHERE bucket = ? AND expires_at > ?",
                row -> new Window(row.getLong(1), Jdbc.instant(row, 2)), bucket, now).get(0);
    }

    private RateLimitedException refused(RateRule rule, String detail, Duration wait) {
        meters.counter("openfactor.rate_limit.refused", "rule", rule.name()).increment();
        LOG.infof("rate limit %s reached (%d per %s)", rule.name(), rule.max(), rule.window());
        return new RateLimitedException(rule.name(), detail, wait);
    }

    private void purgeNowAndThen(Instant now) {
        if (ThreadLocalRandom.current().nextInt(PURGE_ONE_IN) == 0) {
            jdbc.update("""
                    DELETE FROM rate_limit_event WHERE ctid IN
                    (SELECT ctid FROM rate_limit_event WHERE expires_at <= ? LIMIT 1000)""", now);
        }
    }
}
