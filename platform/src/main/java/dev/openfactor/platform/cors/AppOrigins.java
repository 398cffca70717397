package dev.openfactor.platform.cors;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configured origins and the one comparison against them. An origin is only
 * {@code http(s)://host[:port]}: no path, no user info, no wildcard, not {@code null}. Scheme and
 * host compare case-insensitively, the port exactly; anything that does not parse is refused.
 */
final class AppOrigins {

    private static final Pattern ORIGIN = Pattern.compile(
            "(?i)https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
                    + "|\\[[0-9a-f:.]{2,45}])(?::[0-9]{1,5})?");

    private final Set<String> allowed;

    private AppOrigins(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** Fails at start on an entry that is not an exact origin, rather than allowing something else. */
    static AppOrigins of(List<String> configured) {
        Set<String> origins = configured.stream().map(String::trim).filter(s -> !s.isEmpty()).map(entry -> {
            if (!ORIGIN.matcher(entry).matches()) {
                throw new IllegalArgumentException("openfactor.cors.app-origins: '" + entry
                        + "' is not an origin of the form scheme://host[:port] (no path, no wildcard)");
            }
            return entry.toLowerCase(Locale.ROOT);
        }).collect(Collectors.toUnmodifiableSet());
        return new AppOrigins(origins);
    }

    /** The request's origin if it is one of ours; empty for anything else, however it is spelled. */
    Optional<String> match(String requestOrigin) {
        if (requestOrigin == null || !ORIGIN.matcher(requestOrigin).matches()) {
            return Optional.empty();
        }
        return allowed.contains(requestOrigin.toLowerCase(Locale.ROOT)) ? Optional.of(requestOrigin) : Optional.empty();
    }
}
