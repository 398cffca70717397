package dev.openfactor.prompt.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A peer service answered with an error status; {@code code} is its problem code (API.md), if any. */
public class PeerCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public final int status;
    public final String code;
    public final transient JsonNode body;

    PeerCallException(String what, int status, JsonNode body) {
        super(what + " answered " + status + (body != null && body.hasNonNull("code") ? " " + body.get("code").asText() : ""));
        this.status = status;
        this.body = body;
        this.code = body != null && body.hasNonNull("code") ? body.get("code").asText() : "";
    }
}
