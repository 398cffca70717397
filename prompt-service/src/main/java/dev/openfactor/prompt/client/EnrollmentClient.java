package dev.openfactor.prompt.client;

import static dev.openfactor.prompt.client.PeerHttp.segment;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.prompt.config.PromptConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** enrollment-service's frontend API (../shared/API.md), called with the prompt's tenant's API key. */
@ApplicationScoped
public class EnrollmentClient {

    private final PeerHttp http;
    private final String base;

    EnrollmentClient(PeerHttp http, PromptConfig config) {
        this.http = http;
        this.base = stripSlash(config.enrollmentUrl());
    }

    public JsonNode user(String apiKey, String userId) {
        return http.call("GET", users(userId), apiKey, null, 0);
    }

    public JsonNode startActivation(String apiKey, String userId) {
        return http.call("POST", users(userId) + "/authenticator-activations", apiKey, Map.of(), 0);
    }

    public JsonNode activation(String apiKey, String userId, String activationId, int waitSeconds) {
        return http.call("GET", users(userId) + "/authenticator-activations/" + segment(activationId)
                + (waitSeconds > 0 ? "?waitSeconds=" + waitSeconds : ""), apiKey, null, waitSeconds);
    }

    public JsonNode addPhone(String apiKey, String userId, String type, String number, String extension) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "number", number));
        if (extension != null && !extension.isBlank()) {
            body.put("extension", extension);
        }
        return http.call("POST", users(userId) + "/phones", apiKey, body, 0);
    }

    public JsonNode confirmPhone(String apiKey, String userId, String methodId, String code) {
        return http.call("POST", users(userId) + "/phones/" + segment(methodId) + "/confirm", apiKey, Map.of("code", code), 0);
    }

    public JsonNode newRecoveryCodes(String apiKey, String userId) {
        return http.call("POST", users(userId) + "/recovery-codes", apiKey, Map.of(), 0);
    }

    public JsonNode setDefault(String apiKey, String userId, String methodId) {
        return http.call("PUT", users(userId) + "/default-method", apiKey, Map.of("methodId", methodId), 0);
    }

    public void deleteMethod(String apiKey, String userId, String methodId) {
        http.call("DELETE", users(userId) + "/methods/" + segment(methodId), apiKey, null, 0);
    }

    private String users(String userId) {
        return base + "/v1/users/" + segment(userId);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
