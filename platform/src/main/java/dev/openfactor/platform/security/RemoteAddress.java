package dev.openfactor.platform.security;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The caller's address as this server sees it: the peer, or the client a trusted proxy names when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on (behind an ingress it should be, or
 * every caller looks like the ingress).
 */
final class RemoteAddress {

    private RemoteAddress() {
    }

    static String of(RoutingContext routing) {
        SocketAddress address = routing == null ? null : routing.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
