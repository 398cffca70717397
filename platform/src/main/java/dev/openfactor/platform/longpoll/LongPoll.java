package dev.openfactor.platform.longpoll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The long-poll every status endpoint shares: read the state (on a worker thread, since it is a
 * blocking database read); if it is still unsettled, wait for its key to be signalled, for
 * {@code waitSeconds}, or for the state's own deadline (an expiry), whichever comes first; then
 * read once more. The watch is registered before the first read, so no change slips between.
 */
@ApplicationScoped
public class LongPoll {

    private final ChangeSignals signals;
    private final Clock clock;

    LongPoll(ChangeSignals signals, Clock clock) {
        this.signals = signals;
        this.clock = clock;
    }

    public <T> Uni<T> await(String key, int waitSeconds, Supplier<T> read, Predicate<T> settled, Function<T, Instant> deadline) {
        if (waitSeconds <= 0) {
            return blocking(read);
        }
        Watch watch = signals.watch(key);
        return blocking(read)
                .onFailure().invoke(watch::close)
                .chain(first -> {
                    if (settled.test(first)) {
                        watch.close();
                        return Uni.createFrom().item(first);
                    }
                    Duration wait = Duration.ofSeconds(waitSeconds);
                    Duration untilDeadline = Duration.between(clock.instant(), deadline.apply(first)).plusMillis(50);
                    return watch.changedWithin(wait.compareTo(untilDeadline) < 0 ? wait : untilDeadline)
                            .chain(changed -> blocking(read));
                });
    }

    private static <T> Uni<T> blocking(Supplier<T> read) {
        return Uni.createFrom().item(read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
