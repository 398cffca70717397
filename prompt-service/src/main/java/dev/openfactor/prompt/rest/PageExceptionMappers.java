package dev.openfactor.prompt.rest;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.openfactor.prompt.client.PeerCallException;
import dev.openfactor.prompt.client.PeerUnavailableException;
import jakarta.ws.rs.core.Response;

/** Failures a person may meet, each as a page that says what to do; the log gets the cause, never a secret. */
public class PageExceptionMappers {

    private static final Logger LOG = Logger.getLogger(PageExceptionMappers.class);

    private final Pages pages;

    PageExceptionMappers(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response page(PageException e) {
        return pages.error(e.status, e.heading, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(PeerUnavailableException e) {
        LOG.warnf("peer unavailable: %s", e.getMessage());
        return pages.error(503, "We can't reach the sign-in service right now", "Nothing was lost. Try again in a moment.");
    }

    @ServerExceptionMapper
    public Response peer(PeerCallException e) {
        LOG.warnf("peer refused: %s", e.getMessage());
        return pages.error(502, "Something went wrong on our side", "Try again in a moment. If it keeps happening, contact your help desk.");
    }
}
