package dev.openfactor.prompt.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problem answers with a stable {@code code}, as on the other services. */
final class Problems {

    private Problems() {
    }

    static Response response(int status, String code, String title, String detail) {
        return response(status, code, title, detail, Map.of());
    }

    static Response response(int status, String code, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        body.putAll(extra);
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
