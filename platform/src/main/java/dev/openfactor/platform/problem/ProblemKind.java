package dev.openfactor.platform.problem;

/** The HTTP-independent category of a failure; the mapper turns it into a status code. */
public enum ProblemKind {
    INVALID(400, "Bad Request"),
    UNAUTHENTICATED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    UNPROCESSABLE(422, "Unprocessable Content"),
    LOCKED(423, "Locked"),
    RATE_LIMITED(429, "Too Many Requests"),
    UNAVAILABLE(503, "Service Unavailable"),
    INTERNAL(500, "Internal Server Error");

    private final int status;
    private final String title;

    ProblemKind(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
