package dev.openfactor.prompt.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON over HTTP to enrollment- and verification-service with the tenant's API key. One JDK client
 * (HTTP/1.1 keep-alive pool) for every call; the key is a per-call header because each client's tenant
 * has its own. Neither the key nor a request body is ever logged.
 */
@ApplicationScoped
public class PeerHttp {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;

    PeerHttp(ObjectMapper json) {
        this.json = json;
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code waitSeconds} extends the timeout for long-polls. */
    public JsonNode call(String method, String url, String apiKey, Object body, int waitSeconds) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(CALL_TIMEOUT.plusSeconds(waitSeconds))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new PeerCallException(method + " " + URI.create(url).getPath(), response.statusCode(), answer);
            }
            return answer;
        } catch (IOException e) {
            throw new PeerUnavailableException(URI.create(url).getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(URI.create(url).getHost(), e);
        }
    }
}
