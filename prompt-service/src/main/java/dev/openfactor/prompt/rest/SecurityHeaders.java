package dev.openfactor.prompt.rest;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * On every answer: no framing, no sniffing, no referrer leaking a prompt's URL to a relying party.
 * "same-origin", not "no-referrer": under no-referrer browsers send {@code Origin: null} even on our own
 * form posts, and PromptAccess checks that Origin.
 */
public class SecurityHeaders {

    @ServerResponseFilter
    public void harden(ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }
}
