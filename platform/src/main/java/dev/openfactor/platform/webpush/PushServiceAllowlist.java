package dev.openfactor.platform.webpush;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The request-forgery guard of Web Push: a subscription's endpoint is a URL the device chose, and
 * the server POSTs to it. Only {@code https} on the default port to a host on the allowlist
 * ({@code openfactor.webpush.allowed-hosts}) passes: no user info, no IP literal, no fragment,
 * nothing percent-encoded or non-ASCII in the host (such a host does not parse as a server name).
 * With {@code allow-loopback} (tests, local runs) http or https to 127.0.0.1, [::1] or localhost
 * on any port passes too.
 */
@Singleton
public class PushServiceAllowlist {

    private static final Pattern ENTRY = Pattern.compile("(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "[::1]", "localhost");

    private final List<String> exact;
    private final List<String> suffixes;
    private final boolean allowLoopback;

    @Inject
    PushServiceAllowlist(WebPushConfig config) {
        this(config.allowedHosts(), config.allowLoopback());
    }

    private PushServiceAllowlist(List<String> hosts, boolean allowLoopback) {
        List<String> entries = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        for (String entry : entries) {
            if (!ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("openfactor.webpush.allowed-hosts: not a host name or *.domain: " + entry);
            }
        }
        this.exact = entries.stream().filter(e -> !e.startsWith("*.")).toList();
        this.suffixes = entries.stream().filter(e -> e.startsWith("*.")).map(e -> e.substring(1)).toList();
        this.allowLoopback = allowLoopback;
    }

    public static PushServiceAllowlist of(List<String> hosts, boolean allowLoopback) {
        return new PushServiceAllowlist(hosts, allowLoopback);
    }

    public boolean permits(URI endpoint) {
        if (endpoint == null || !endpoint.isAbsolute() || endpoint.isOpaque() || endpoint.getRawUserInfo() != null
                || endpoint.getRawFragment() != null) {
            return false;
        }
        String scheme = endpoint.getScheme();
        String authority = endpoint.getRawAuthority();
        String rawHost = endpoint.getHost();
        if (authority == null || authority.contains("@") || rawHost == null || rawHost.isEmpty()) {
            return false; // no server-based authority: a registry name, percent-encoded or non-ASCII host
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (allowLoopback && LOOPBACK.contains(host)) {
            return "http".equals(scheme) || "https".equals(scheme);
        }
        if (!"https".equals(scheme) || (endpoint.getPort() != -1 && endpoint.getPort() != 443)) {
            return false;
        }
        if (host.startsWith("[") || IPV4.matcher(host).matches() || host.endsWith(".")) {
            return false;
        }
        return exact.contains(host) || suffixes.stream().anyMatch(s -> host.endsWith(s) && host.length() > s.length());
    }
}
