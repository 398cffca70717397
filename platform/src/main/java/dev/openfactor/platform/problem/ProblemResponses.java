package dev.openfactor.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(ProblemException e) {
        Response.ResponseBuilder builder = Response.status(e.kind().status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(e.kind(), e.code(), e.detail(), null, e.extensions()));
        e.retryAfter().ifPresent(wait -> builder.header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())));
        return builder.build();
    }

    /** The one body every authentication failure gets: it must not tell which part was wrong. */
    public static Response unauthenticated() {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemKind.UNAUTHENTICATED, "unauthorized", "Authentication required."))
                .build();
    }
}
