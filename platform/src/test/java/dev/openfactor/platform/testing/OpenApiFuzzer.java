package dev.openfactor.platform.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile requests generated from a running service's own OpenAPI document, with a fixed seed:
 * for each operation, path and query parameters, the {@code Authorization} and
 * {@code X-OpenFactor-*} headers, the content type and the JSON body are spoiled (NUL and control
 * characters, huge strings, wrong types, other scripts, empty, deep nesting), with a valid
 * credential and without. {@link #run()} returns what broke the rules: any 5xx, any stack trace
 * or exception name in a body, any 4xx that is not {@code application/problem+json} with a code
 * (except 414 and 431, which the HTTP server itself answers, bodiless, before any route).
 * A service's test is a few lines: known ids and credentials, a budget, {@code run()}.
 */
public final class OpenApiFuzzer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> LEAKS = List.of("at dev.openfactor", "at java.", "at io.", "at org.", "Exception",
            "org.hibernate", "org.postgresql", "java.lang", "jakarta.", "PSQL", "SQLState", "\tat ");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final URI base;
    private final long seed;
    private int requests = 3000;
    private int concurrency = 4;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final Map<String, List<String>> knownValues = new LinkedHashMap<>();

    private OpenApiFuzzer(URI base, long seed) {
        this.base = base;
        this.seed = seed;
    }

    /** A fuzzer for the service listening at {@code base} (e.g. {@code http://localhost:8081}). */
    public static OpenApiFuzzer against(URI base, long seed) {
        return new OpenApiFuzzer(base, seed);
    }

    /** Requests in total, shared evenly by the operations. */
    public OpenApiFuzzer requests(int total) {
        this.requests = total;
        return this;
    }

    /** The valid {@code Authorization} value for paths starting with {@code pathPrefix}. */
    public OpenApiFuzzer credential(String pathPrefix, String authorization) {
        credentials.put(pathPrefix, authorization);
        return this;
    }

    /** Values of a path or query parameter that exist, so some requests get past the lookup. */
    public OpenApiFuzzer known(String parameter, String... values) {
        knownValues.computeIfAbsent(parameter, k -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** One request that broke a rule, described well enough to replay it. */
    public record Finding(String rule, String method, String uri, String authorization, String body, int status,
            String responseBody) {
        @Override
        public String toString() {
            return rule + ": " + method + " " + abbreviate(uri, 200) + " auth=" + abbreviate(authorization, 30) + " body="
                    + abbreviate(body, 200) + " -> " + status + " " + abbreviate(responseBody, 300);
        }
    }

    /** What a run did: how many requests, how long, and what broke the rules. */
    public record Report(int sent, Duration took, Map<Integer, Integer> statuses, List<Finding> findings) {
        @Override
        public String toString() {
            return sent + " requests in " + took.toMillis() + " ms, statuses " + statuses + ", " + findings.size()
                    + " findings" + (findings.isEmpty() ? "" : ":\n  " + String.join("\n  ",
                            findings.stream().limit(25).map(Finding::toString).toList()));
        }
    }

    private record Operation(String method, String path, JsonNode spec) {
    }

    private record Planned(String method, String uri, Map<String, String> headers, byte[] body) {
    }

    public Report run() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode document = MAPPER.readTree(client.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        List<Operation> operations = operations(document);
        if (operations.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document lists no operation");
        }
        Random random = new Random(seed);
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            plan.add(plan(operations.get(i % operations.size()), document, random));
        }
        return send(client, plan);
    }

    private Report send(HttpClient client, List<Planned> plan) throws InterruptedException {
        Instant start = Instant.now();
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new java.util.TreeMap<>());
        AtomicInteger sent = new AtomicInteger();
        Semaphore inFlight = new Semaphore(concurrency);
        List<Map.Entry<Planned, HttpRequest>> unanswered = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Planned p : plan) {
            HttpRequest request;
            try {
                request = build(p);
            } catch (IllegalArgumentException refusedByTheClient) {
                continue; // e.g. a control character in a header: the JDK will not send it (Vert.x would refuse it with 400)
            }
            inFlight.acquire();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString(UTF_8)).whenComplete((response, failure) -> {
                inFlight.release();
                sent.incrementAndGet();
                if (failure != null) {
                    // The server closes a connection after a protocol-level refusal (414, 431); a request
                    // already queued on it gets no answer. Sent again alone below.
                    unanswered.add(Map.entry(p, request));
                    return;
                }
                judge(p, response, statuses, findings);
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        for (Map.Entry<Planned, HttpRequest> again : unanswered) {
            Planned p = again.getKey();
            try {
                judge(p, client.send(again.getValue(), HttpResponse.BodyHandlers.ofString(UTF_8)), statuses, findings);
            } catch (IOException e) {
                findings.add(new Finding("no answer (" + e + ")", p.method(), p.uri(), p.headers().get("Authorization"),
                        new String(p.body(), UTF_8), 0, ""));
            }
        }
        return new Report(sent.get(), Duration.between(start, Instant.now()), Map.copyOf(statuses), List.copyOf(findings));
    }

    private static void judge(Planned p, HttpResponse<String> response, Map<Integer, Integer> statuses, List<Finding> findings) {
        statuses.merge(response.statusCode(), 1, Integer::sum);
        String rule = broken(response);
        if (rule != null) {
            findings.add(new Finding(rule, p.method(), p.uri(), p.headers().get("Authorization"), new String(p.body(), UTF_8),
                    response.statusCode(), response.body()));
        }
    }

    /** The rule a response breaks, or null. */
    static String broken(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 500) {
            return "server error";
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                return "internals in the body (" + leak.trim() + ")";
            }
        }
        if (status == 414 || status == 431) {
            return null; // the HTTP server's own limits (request line, header section), before any route: no body at all
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "a " + status + " that is not problem+json";
            }
            try {
                JsonNode code = MAPPER.readTree(body).get("code");
                if (code == null || !code.isTextual() || code.asText().isBlank()) {
                    return "a problem without a code";
                }
            } catch (IOException e) {
                return "a problem body that is not JSON";
            }
        }
        return null;
    }

    private static HttpRequest build(Planned p) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(p.uri())).timeout(Duration.ofSeconds(30))
                .method(p.method().toUpperCase(), p.body().length == 0 && !p.method().equals("post") && !p.method().equals("put")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(p.body()));
        p.headers().forEach(builder::header);
        return builder.build();
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method, path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    private Planned plan(Operation op, JsonNode document, Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        authorization(op.path(), random, headers);
        deviceHeaders(random, headers);
        String uri = base.toString().replaceAll("/$", "") + path(op, random) + query(op, random);
        byte[] body = new byte[0];
        if (op.spec().has("requestBody") || random.nextInt(10) == 0) {
            body = body(op, document, random);
            headers.put("Content-Type", contentType(random));
        }
        if (random.nextInt(25) == 0) {
            headers.put("Accept", random.nextBoolean() ? "application/json" : "text/html, */*;q=0.1");
        }
        String method = random.nextInt(40) == 0 ? METHODS.get(random.nextInt(METHODS.size())) : op.method();
        return new Planned(method, uri, headers, body);
    }

    private void authorization(String path, Random random, Map<String, String> headers) {
        String valid = credentials.entrySet().stream().filter(c -> path.startsWith(c.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        int roll = random.nextInt(20);
        if (valid != null && roll < 13) {
            headers.put("Authorization", valid);
        } else if (roll < 17) {
            headers.put("Authorization", switch (random.nextInt(5)) {
                case 0 -> "Bearer " + HostileValues.string(random);
                case 1 -> "Basic " + HostileValues.string(random);
                case 2 -> "Bearer ofk_" + HostileValues.string(random) + "_x";
                case 3 -> valid == null ? "Bearer" : valid + HostileValues.string(random);
                default -> HostileValues.string(random);
            });
        }
    }

    private static void deviceHeaders(Random random, Map<String, String> headers) {
        if (random.nextInt(3) == 0) {
            headers.put("X-OpenFactor-Device", random.nextBoolean() ? UUID.randomUUID().toString() : HostileValues.string(random));
            headers.put("X-OpenFactor-Timestamp", random.nextBoolean() ? Long.toString(Instant.now().getEpochSecond())
                    : HostileValues.string(random));
            headers.put("X-OpenFactor-Signature", random.nextBoolean() ? "MEUCIQD" + "A".repeat(60) + "==" : HostileValues.string(random));
        }
    }

    private String path(Operation op, Random random) {
        Matcher m = PATH_PARAMETER.matcher(op.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(encode(parameterValue(m.group(1), random), random)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String query(Operation op, Random random) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : op.spec().path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextInt(3) > 0) {
                String name = parameter.path("name").asText();
                String value = random.nextBoolean() ? Integer.toString(random.nextInt(80) - 20) : parameterValue(name, random);
                pairs.add(encode(name, random) + "=" + encode(value, random));
            }
        }
        if (random.nextInt(8) == 0) {
            pairs.add(encode(HostileValues.string(random), random) + "=" + encode(HostileValues.string(random), random));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String parameterValue(String name, Random random) {
        List<String> known = knownValues.getOrDefault(name, List.of());
        int roll = random.nextInt(10);
        if (roll < 3 && !known.isEmpty()) {
            return known.get(random.nextInt(known.size()));
        }
        if (roll < 5) {
            return UUID.randomUUID().toString();
        }
        String hostile = HostileValues.string(random);
        return hostile.length() > 2000 ? hostile.substring(0, 2000) : hostile;
    }

    /** Percent-encodes UTF-8, now and then with an invalid UTF-8 sequence or an encoded slash instead. */
    private static String encode(String value, Random random) {
        int roll = random.nextInt(30);
        if (roll == 0) {
            return "%C3%28" + value.length();
        }
        if (roll == 1) {
            return "%FF%FE";
        }
        if (roll == 2) {
            return "a%2Fb";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.length() == 0 && random.nextBoolean() ? "%20" : out.toString();
    }

    private static String contentType(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> "text/plain";
            case 1 -> "application/xml";
            case 2 -> "application/json; charset=ISO-8859-1";
            case 3 -> "application/x-www-form-urlencoded";
            case 4 -> "multipart/form-data; boundary=x";
            case 5 -> "garbage";
            default -> "application/json";
        };
    }

    private static byte[] body(Operation op, JsonNode document, Random random) {
        JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        int roll = random.nextInt(20);
        switch (roll) {
            case 0:
                return new byte[0];
            case 1:
                return "{".getBytes(UTF_8);
            case 2:
                return new byte[] { 0, (byte) 0xff, (byte) 0xfe, '{', '}' };
            case 3:
                return "{\"a\":\"\\u0000\",\"b\":\"\\ud800\"}".getBytes(UTF_8);
            case 4:
                return HostileValues.value(random).toString().getBytes(UTF_8);
            default:
                JsonNode sample = sample(schema, document, random, 0);
                return mutate(sample, random, 0).toString().getBytes(UTF_8);
        }
    }

    /** A plausible value for a schema: enums, formats and nested objects followed. */
    private static JsonNode sample(JsonNode schema, JsonNode document, Random random, int depth) {
        if (depth > 8 || schema == null || schema.isMissingNode()) {
            return JSON.objectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return sample(document.path("components").path("schemas").path(name), document, random, depth + 1);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return sample(schema.get(combinator).get(0), document, random, depth + 1);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object": {
                ObjectNode object = JSON.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext();) {
                    Map.Entry<String, JsonNode> property = p.next();
                    object.set(property.getKey(), sample(property.getValue(), document, random, depth + 1));
                }
                return object;
            }
            case "array":
                return JSON.arrayNode().add(sample(schema.path("items"), document, random, depth + 1));
            case "integer":
                return JSON.numberNode(random.nextInt(10));
            case "number":
                return JSON.numberNode(random.nextDouble());
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            default:
                return JSON.textNode("date-time".equals(schema.path("format").asText()) ? Instant.now().toString()
                        : "sample-" + random.nextInt(1000));
        }
    }

    /** Spoils one to three members (hostile string, wrong type, removed) and sometimes adds an unknown one. */
    private static JsonNode mutate(JsonNode sample, Random random, int depth) {
        if (!(sample instanceof ObjectNode object) || object.isEmpty() || depth > 4) {
            return random.nextBoolean() ? sample : HostileValues.value(random);
        }
        int changes = 1 + random.nextInt(3);
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (int i = 0; i < changes && random.nextInt(6) > 0; i++) {
            String name = names.get(random.nextInt(names.size()));
            JsonNode member = object.get(name);
            if (member instanceof ObjectNode nested) {
                object.set(name, mutate(nested, random, depth + 1));
            } else if (random.nextInt(8) == 0) {
                object.remove(name);
            } else {
                object.set(name, random.nextInt(3) == 0 ? HostileValues.value(random) : JSON.textNode(HostileValues.string(random)));
            }
        }
        if (random.nextInt(10) == 0) {
            object.set(HostileValues.string(random), HostileValues.value(random));
        }
        if (random.nextInt(15) == 0) {
            ArrayNode wrapped = JSON.arrayNode();
            wrapped.add(object);
            return wrapped;
        }
        return object;
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > max ? s.substring(0, max) + "...(" + s.length() + ")" : s;
        return shown.replace("\u0000", "\\0").replace("\n", "\\n").replace("\r", "\\r");
    }
}
