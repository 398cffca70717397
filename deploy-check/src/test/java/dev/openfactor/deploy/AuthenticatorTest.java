package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;

/**
 * The web authenticator as it is served: nginx's headers (a strict CSP on every answer), its image,
 * its place in docker-compose.yml and the overlays, and the services' CORS agreeing with its origin.
 */
class AuthenticatorTest {

    private static final NginxConf NGINX = NginxConf.authenticator();
    private static final String CONNECT_SRC = "OPENFACTOR_APP_CONNECT_SRC";
    private static final String CORS = "OPENFACTOR_CORS_APP_ORIGINS";
    private static final String ENROLLMENT_URL = "OPENFACTOR_ENROLLMENT_PUBLIC_BASE_URL";
    private static final String VERIFICATION_URL = "OPENFACTOR_ENROLLMENT_VERIFICATION_PUBLIC_URL";
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern EXACT_ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?");
    /** Source expressions that would let injected script run, or let the page load or send anything anywhere. */
    private static final Set<String> FORBIDDEN_SOURCES = Set.of("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'",
            "'wasm-unsafe-eval'", "'strict-dynamic'", "*", "http:", "https:", "ws:", "wss:");

    static List<String> overlays() {
        return Repo.overlays();
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() {
        NginxConf.Header header = NGINX.serverHeader("Content-Security-Policy").orElseThrow(
                () -> new AssertionError("no Content-Security-Policy at server level in authenticator/nginx.conf"));
        assertTrue(header.always(), "without `always` nginx leaves the CSP off 4xx/5xx answers");
        ContentSecurityPolicy csp = ContentSecurityPolicy.parse(header.value());
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> exact = Map.of("default-src", List.of("'self'"), "script-src", List.of("'self'"),
                "style-src", List.of("'self'"), "worker-src", List.of("'self'"), "manifest-src", List.of("'self'"),
                "object-src", List.of("'none'"), "base-uri", List.of("'none'"), "frame-ancestors", List.of("'none'"),
                "form-action", List.of("'none'"));
        exact.forEach((directive, sources) -> {
            if (!sources.equals(csp.sources(directive))) {
                problems.add(directive + " is " + csp.sources(directive) + ", not " + sources);
            }
        });
        if (!Set.of("'self'", "data:", "blob:").containsAll(csp.sources("img-src"))) {
            problems.add("img-src " + csp.sources("img-src") + " goes beyond 'self' data: blob:");
        }
        if (!csp.sources("connect-src").equals(List.of("'self'", "${" + CONNECT_SRC + "}"))) {
            problems.add("connect-src " + csp.sources("connect-src") + " should be 'self' and ${" + CONNECT_SRC + "} (set per deployment)");
        }
        csp.directives().forEach((directive, sources) -> sources.stream().filter(FORBIDDEN_SOURCES::contains)
                .forEach(s -> problems.add(directive + " allows " + s)));
        csp.directives().forEach((directive, sources) -> {
            if (!directive.equals("img-src") && (sources.contains("data:") || sources.contains("blob:"))) {
                problems.add(directive + " allows data:/blob: URLs");
            }
        });
        assertEquals(List.of(), problems, header.value());
    }

    @Test
    void everyAnswerCarriesTheOtherSecurityHeaders() {
        List<String> problems = new ArrayList<>();
        Map<String, String> wanted = Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer",
                "Permissions-Policy", "camera=(self)");
        wanted.forEach((name, value) -> NGINX.serverHeader(name).ifPresentOrElse(h -> {
            if (!h.value().equals(value) || !h.always()) {
                problems.add(name + ": " + h);
            }
        }, () -> problems.add(name + " missing")));
        NGINX.serverHeader("Strict-Transport-Security").ifPresentOrElse(h -> {
            Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(h.value());
            if (!h.always() || !maxAge.find() || Long.parseLong(maxAge.group(1)) < 15_552_000) {
                problems.add("Strict-Transport-Security should be `always` with max-age of at least 180 days: " + h);
            }
        }, () -> problems.add("Strict-Transport-Security missing"));
        assertEquals(List.of(), problems);
    }

    /** nginx forgets every inherited add_header in a location that has one of its own. */
    @Test
    void noLocationDropsTheServerLevelHeaders() {
        List<String> offenders = new ArrayList<>();
        NGINX.locations().forEach((location, body) -> {
            if (!NginxConf.headers(body).isEmpty() || body.contains("include")) {
                offenders.add(location);
            }
        });
        assertEquals(List.of(), offenders, "locations with add_header (or includes that may hold one) lose the CSP");
    }

    @Test
    void thePageAndTheServiceWorkerAreRevalidatedOnEveryLoad() {
        for (String file : List.of("/index.html", "/sw.js")) {
            String body = NGINX.locations().get("= " + file);
            assertTrue(body != null, "no `location = " + file + "`");
            String expires = NginxConf.directive(body, "expires").orElse("");
            // A negative time or `epoch` makes nginx send Cache-Control: no-cache.
            assertTrue(expires.equals("epoch") || expires.startsWith("-"), file + ": expires " + expires);
        }
    }

    @Test
    void nginxListensOnTheImagePortAndAnswersHealthz() {
        assertEquals("8080", NginxConf.directive(NGINX.serverLevel(), "listen").orElse(""));
        assertEquals("off", NginxConf.directive(NGINX.serverLevel(), "server_tokens").orElse(""));
        String healthz = NGINX.locations().get("= /healthz");
        assertTrue(healthz != null && NginxConf.directive(healthz, "return").orElse("").startsWith("200"), "/healthz");
        Dockerfiles image = Dockerfiles.of(Repo.APP);
        assertTrue(image.all("EXPOSE").contains("EXPOSE " + WorkloadHardeningTest.AUTHENTICATOR_PORT), image.all("EXPOSE").toString());
    }

    @Test
    void theImageIsUnprivilegedNginxWithTheConfigurationAsATemplate() {
        Dockerfiles d = Dockerfiles.of(Repo.APP);
        List<String> problems = new ArrayList<>();
        List<String> from = d.all("FROM");
        check(problems, "a node stage for the npm files, then the served stage on a pinned nginxinc/nginx-unprivileged",
                from.size() == 2 && from.get(0).matches("FROM node:\\d+[\\w.-]* AS vendor")
                        && from.get(1).matches("FROM nginxinc/nginx-unprivileged:\\d+\\.\\d+[\\w.-]*(@sha256:[0-9a-f]{64})?"));
        check(problems, "npm files from the committed lockfile", d.all("RUN").equals(List.of("RUN npm ci --omit=dev --no-audit --no-fund"))
                && d.all("COPY").contains("COPY package.json package-lock.json ./"));
        check(problems, "only app/vendor/ taken from the node stage", d.all("COPY").stream().filter(c -> c.startsWith("COPY --from"))
                .toList().equals(List.of("COPY --from=vendor /build/app/vendor/ /usr/share/nginx/html/vendor/")));
        check(problems, "nginx.conf copied as the template the entrypoint substitutes", d.all("COPY").stream()
                .anyMatch(c -> c.matches("COPY nginx\\.conf /etc/nginx/templates/\\S+\\.conf\\.template")));
        check(problems, "app/ copied to the document root", d.all("COPY").contains("COPY app/ /usr/share/nginx/html/"));
        check(problems, "a numeric, non-root USER", d.uid().filter(uid -> uid != 0).isPresent());
        // Only OPENFACTOR_* variables are substituted, so nginx's own $uri and the like survive.
        check(problems, "NGINX_ENVSUBST_FILTER=OPENFACTOR_", d.all("ENV").stream().anyMatch(e -> e.contains("NGINX_ENVSUBST_FILTER=OPENFACTOR_")));
        templateVariables().forEach(v -> check(problems, v + " matches the envsubst filter", v.startsWith("OPENFACTOR_")));
        List<String> ignore = Repo.read(Repo.APP + "/.dockerignore").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        check(problems, "the build context is app/ without vendor/, nginx.conf and npm's files only", ignore.equals(List.of("*", "!app/",
                "app/vendor/", "!nginx.conf", "!package.json", "!package-lock.json", "!scripts/copy-vendor.mjs")));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theAppMayCallExactlyTheTwoServicesItIsToldAbout(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        ContainerEnv app = ContainerEnv.of(rendered, rendered.container(Repo.APP));
        ContainerEnv enrollment = ContainerEnv.of(rendered, rendered.container("enrollment-service"));
        List<String> problems = new ArrayList<>();
        templateVariables().stream().filter(v -> !app.alwaysProvides(v)).forEach(v -> problems.add(v + " unset"));
        app.variables().keySet().stream().filter(v -> v.startsWith("OPENFACTOR_") && !templateVariables().contains(v))
                .forEach(v -> problems.add(v + " is read by nothing in nginx.conf"));
        String connect = app.value(CONNECT_SRC).orElse("");
        Set<String> origins = new TreeSet<>(List.of(connect.trim().split("\\s+")));
        origins.stream().filter(o -> !EXACT_ORIGIN.matcher(o).matches()).forEach(o -> problems.add("connect-src entry " + o));
        Set<String> told = new TreeSet<>();
        for (String url : List.of(ENROLLMENT_URL, VERIFICATION_URL)) {
            told.add(origin(enrollment.value(url).orElseThrow(() -> new AssertionError(url + " unset"))));
        }
        if (!origins.equals(told)) {
            problems.add("connect-src " + origins + " is not the origins of the URLs the app is told " + told);
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void bothServicesAllowTheSameExactAppOrigins(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        String enrollment = ContainerEnv.of(rendered, rendered.container("enrollment-service")).value(CORS).orElse("");
        String verification = ContainerEnv.of(rendered, rendered.container("verification-service")).value(CORS).orElse("");
        if (!enrollment.equals(verification)) {
            problems.add("enrollment allows " + enrollment + ", verification " + verification);
        }
        for (String origin : enrollment.split(",")) {
            if (!EXACT_ORIGIN.matcher(origin.trim()).matches()) {
                problems.add("not an exact origin: '" + origin + "'");
            }
        }
        assertFalse(ContainerEnv.of(rendered, rendered.container("notification-service")).variables().containsKey(CORS),
                "notification-service serves no app");
        assertEquals(List.of(), problems, overlay);
    }

    @Test
    void productionServesTheAppOnItsOwnHostWhichTheServicesAllow() {
        Rendered production = Kustomize.overlay("production");
        V1Ingress ingress = production.ofKind("Ingress").get(0).typed(V1Ingress.class);
        List<String> appHosts = production.ingressHosts(Repo.APP);
        assertEquals(List.of("mfa-app.example.com"), appHosts);
        assertTrue(ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(appHosts.get(0))), "the app host has no TLS");
        for (String service : List.of("enrollment-service", "verification-service")) {
            assertEquals("https://" + appHosts.get(0),
                    ContainerEnv.of(production, production.container(service)).value(CORS).orElse(null), service);
        }
        for (String url : List.of(ENROLLMENT_URL, VERIFICATION_URL)) {
            String value = ContainerEnv.of(production, production.container("enrollment-service")).value(url).orElseThrow();
            assertEquals("https", URI.create(value).getScheme(), url + ": the app is served over TLS and calls over TLS");
        }
    }

    @Test
    void productionLetsOnlyTheIngressControllerReachTheAppAndTheAppReachNothing() {
        Rendered production = Kustomize.overlay("production");
        NetworkPolicies policies = NetworkPolicies.of(production);
        Map<String, String> labels = production.deployment(Repo.APP).getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(policies.isolated(labels, "Ingress") && policies.isolated(labels, "Egress"), "not isolated both ways");
        assertEquals(List.of(), policies.egress(labels), "the browser calls the services, not the pod");
        List<NetworkPolicies.Opening> ingress = policies.ingress(labels);
        assertEquals(List.of(new NetworkPolicies.Opening("TCP", "http", false)), ingress);
        List<String> peers = new ArrayList<>();
        for (V1NetworkPolicy p : policies.selecting(labels)) {
            if (p.getSpec().getIngress() != null) {
                p.getSpec().getIngress().forEach(rule -> rule.getFrom().forEach(peer -> peers.add(String.valueOf(
                        peer.getNamespaceSelector() == null ? peer : peer.getNamespaceSelector().getMatchLabels()))));
            }
        }
        assertEquals(List.of("{kubernetes.io/metadata.name=ingress-nginx}"), peers);
    }

    @Test
    void dockerComposeServesTheAppOn8090WhereTheServicesAllowIt() {
        JsonNode app = Compose.service(Repo.APP);
        List<String> problems = new ArrayList<>();
        check(problems, "built from authenticator/Dockerfile", app.path("build").path("context").asText().equals("./authenticator")
                && app.path("build").path("dockerfile").asText().equals("Dockerfile"));
        check(problems, "published on 8090", app.path("ports").toString().contains("8090:" + WorkloadHardeningTest.AUTHENTICATOR_PORT));
        check(problems, "read-only with tmpfs for nginx", app.path("read_only").asBoolean()
                && app.path("tmpfs").toString().contains("/tmp") && app.path("tmpfs").toString().contains("/etc/nginx/conf.d"));
        check(problems, "healthcheck on /healthz", app.path("healthcheck").path("test").toString()
                .contains(":" + WorkloadHardeningTest.AUTHENTICATOR_PORT + "/healthz"));
        Map<String, String> appEnv = Compose.environment(Repo.APP);
        Map<String, String> enrollment = Compose.environment("enrollment-service");
        check(problems, "connect-src names the two URLs enrollment-service tells the app",
                (enrollment.get(ENROLLMENT_URL) + " " + enrollment.get(VERIFICATION_URL)).equals(appEnv.get(CONNECT_SRC)));
        for (String service : List.of("enrollment-service", "verification-service")) {
            String cors = Compose.environment(service).getOrDefault(CORS, "");
            check(problems, service + " allows http://localhost:8090", cors.contains("http://localhost:8090"));
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> templateVariables() {
        Set<String> names = new TreeSet<>();
        Matcher m = TEMPLATE_VARIABLE.matcher(Repo.read(Repo.APP + "/nginx.conf").replaceAll("(?m)^\\s*#.*$", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static void check(List<String> problems, String rule, boolean ok) {
        if (!ok) {
            problems.add(rule);
        }
    }
}
