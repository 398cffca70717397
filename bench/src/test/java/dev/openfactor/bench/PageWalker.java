package dev.openfactor.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser without a screen: keeps its cookies, follows nothing by itself, and reads the hidden fields
 * and numbers off prompt-service's pages. The headless-Chromium tests walk the same pages visibly.
 */
final class PageWalker {

    record Page(int status, String location, String body) {

        String hidden(String name) {
            return field(body, name).orElseThrow(() -> new AssertionError("no hidden field " + name + " in:\n" + body));
        }

        /** The form's action and fields of an answer page (the form POST back to the relying party). */
        Map<String, String> answerFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(body);
            while (m.find()) {
                fields.put(m.group(1), unescape(m.group(2)));
            }
            return fields;
        }

        String formAction(String id) {
            Matcher m = Pattern.compile("<form id=\"" + id + "\" method=\"post\" action=\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form " + id + " in:\n" + body);
            }
            return unescape(m.group(1));
        }

        String number() {
            Matcher m = Pattern.compile("<p class=\"number\"[^>]*>(\\d+)</p>").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no number on the page:\n" + body);
            }
            return m.group(1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    private final String origin;

    PageWalker(String origin) {
        this.origin = origin;
    }

    Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    Page post(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : origin + pathOrUrl);
    }

    private static java.util.Optional<String> field(String body, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
        return m.find() ? java.util.Optional.of(unescape(m.group(1))) : java.util.Optional.empty();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
