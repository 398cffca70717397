package dev.openfactor.prompt.client;

import static dev.openfactor.prompt.client.PeerHttp.segment;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.prompt.config.PromptConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** verification-service's challenge API (../shared/API.md), called with the prompt's tenant's API key. */
@ApplicationScoped
public class VerificationClient {

    /** Where the sign-in comes from, as the app shows it under "Approve sign-in?". */
    public record Context(String application, String ipAddress, String userAgent) {
    }

    private final PeerHttp http;
    private final String base;

    VerificationClient(PeerHttp http, PromptConfig config) {
        this.http = http;
        this.base = EnrollmentClient.stripSlash(config.verificationUrl());
    }

    /** {@code methodId} and {@code code} may be null. */
    public JsonNode start(String apiKey, String userId, String method, String methodId, String code, Context context) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", userId, "method", method));
        if (methodId != null) {
            body.put("methodId", methodId);
        }
        if (code != null) {
            body.put("code", code);
        }
        Map<String, Object> where = new HashMap<>();
        where.put("application", context.application());
        if (context.ipAddress() != null) {
            where.put("ipAddress", context.ipAddress());
        }
        if (context.userAgent() != null) {
            where.put("userAgent", context.userAgent());
        }
        body.put("context", where);
        return http.call("POST", base + "/v1/challenges", apiKey, body, 0);
    }

    public JsonNode status(String apiKey, String challengeId, int waitSeconds) {
        return http.call("GET", base + "/v1/challenges/" + segment(challengeId) + (waitSeconds > 0 ? "?waitSeconds=" + waitSeconds : ""),
                apiKey, null, waitSeconds);
    }

    public JsonNode verify(String apiKey, String challengeId, String code) {
        return http.call("POST", base + "/v1/challenges/" + segment(challengeId) + "/verify", apiKey, Map.of("code", code), 0);
    }

    public void cancel(String apiKey, String challengeId) {
        http.call("DELETE", base + "/v1/challenges/" + segment(challengeId), apiKey, null, 0);
    }
}
