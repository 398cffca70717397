package dev.openfactor.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down guessing the admin token: after {@code max-failures} wrong tokens within
 * {@code window} from one address, every admin request from it is refused with 429 until that
 * window ends, right token or not. In memory, per replica (each replica admits its own
 * {@code max-failures}); the map holds at most {@code max-addresses} windows, and addresses beyond
 * that share one window, so a flood of addresses can neither exhaust memory nor reset its own count.
 */
@ApplicationScoped
public class AdminTokenThrottle {

    private static final Logger LOG = Logger.getLogger(AdminTokenThrottle.class);
    static final String OVERFLOW = "(every other address)";

    private record Window(Instant start, int failures) {
    }

    private final AdminThrottleConfig config;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    AdminTokenThrottle(AdminThrottleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long {@code address} must wait before its next admin request, if it is blocked now. */
    public Optional<Duration> blockedFor(String address) {
        Instant now = clock.instant();
        Window w = windows.get(key(address));
        if (w == null || w.failures() < config.maxFailures()) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, w.start().plus(config.window()));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Counts a wrong or missing admin token from {@code address}. */
    public void recordFailure(String address) {
        Instant now = clock.instant();
        String key = trackable(address, now);
        Window after = windows.compute(key, (k, w) -> w == null || expired(w, now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
        if (after.failures() == config.maxFailures()) {
            LOG.infof("admin token refused %d times from %s within %s: further admin requests refused until %s",
                    after.failures(), key, config.window(), after.start().plus(config.window()));
        }
    }

    /** How many windows are held (for the test that proves the bound). */
    int trackedAddresses() {
        return windows.size();
    }

    private String key(String address) {
        return windows.containsKey(address) ? address : windows.size() >= config.maxAddresses() ? OVERFLOW : address;
    }

    /** The address itself while there is room (after dropping ended windows), else the shared window. */
    private String trackable(String address, Instant now) {
        if (windows.containsKey(address) || windows.size() < config.maxAddresses()) {
            return address;
        }
        windows.entrySet().removeIf(e -> expired(e.getValue(), now));
        return windows.size() < config.maxAddresses() ? address : OVERFLOW;
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(config.window()));
    }
}
