package dev.openfactor.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** verification-service's challenge API as a login frontend calls it. */
final class Challenges {

    private final ServiceProcess verification;
    private final String apiKey;

    Challenges(ServiceProcess verification, String apiKey) {
        this.verification = verification;
        this.apiKey = apiKey;
    }

    HttpRequest totp(String userId, String code) {
        return Json.request("POST", verification.url("/v1/challenges"), apiKey,
                Map.of("userId", userId, "method", "totp", "code", code)).build();
    }

    HttpRequest push(String userId) {
        return Json.request("POST", verification.url("/v1/challenges"), apiKey, Map.of("userId", userId, "method", "push",
                "context", Map.of("application", "Bench", "ipAddress", "203.0.113.9", "location", "Dublin"))).build();
    }

    HttpRequest status(String challengeId, int waitSeconds) {
        return Json.request("GET", verification.url("/v1/challenges/" + challengeId + "?waitSeconds=" + waitSeconds), apiKey,
                null).timeout(Duration.ofSeconds(waitSeconds + 30)).build();
    }

    /**
     * Waits until verification-service's projection knows every one of {@code users}: their profiles
     * travel on different partitions, and fixtures are made in parallel, so no one user's arrival
     * says the others have arrived. Each probe is one wrong code (a failure on the user's guard).
     */
    void awaitProjection(java.util.List<String> users, Duration timeout) {
        users.forEach(u -> awaitProjection(u, timeout));
    }

    /** Waits until verification-service's projection knows {@code userId} (a wrong code is then denied, not 409/404). */
    void awaitProjection(String userId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Json.Answer a = Json.send(totp(userId, "000000"));
            if (a.status() == 200) {
                return;
            }
            ServiceProcess.pause(100);
        }
        throw new IllegalStateException("verification-service did not learn of " + userId + " within " + timeout);
    }

    static boolean approved(Json.Answer a) {
        JsonNode body = a.body();
        return a.status() == 200 && body != null && "approved".equals(body.path("status").asText());
    }
}
