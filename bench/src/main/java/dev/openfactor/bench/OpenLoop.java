package dev.openfactor.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Fixed-rate load: operation i is due at start + i/rate whatever happened to earlier ones, and
 * its latency counts from that due time. A slow server therefore shows up as latency instead of
 * silently lowering the offered rate (coordinated omission).
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    public record Result(Histogram latencyMicros, long issued, long failed) {
    }

    /** {@code operation} receives the operation's index and completes when it is done. */
    public static Result run(double perSecond, Duration duration, LongFunction<CompletableFuture<?>> operation) {
        Recorder recorder = new Recorder(3);
        long total = (long) (perSecond * duration.toMillis() / 1000.0);
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[(int) total];
        long[] failed = new long[1];
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            all[(int) i] = operation.apply(i).handle((ok, error) -> {
                recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                if (error != null) {
                    synchronized (failed) {
                        failed[0]++;
                    }
                }
                return null;
            });
        }
        try {
            CompletableFuture.allOf(all).get(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("operations did not finish within a minute after the run", e);
        }
        return new Result(recorder.getIntervalHistogram(), total, failed[0]);
    }
}
