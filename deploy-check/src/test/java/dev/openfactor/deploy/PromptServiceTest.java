package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1Service;

/**
 * What prompt-service needs beyond the checks every service gets: a public https issuer that leads to
 * it, its two peers reached in-cluster (and admitting it), and no Kafka anywhere near it.
 */
class PromptServiceTest {

    private static final String ISSUER = "OPENFACTOR_PROMPT_ISSUER";
    private static final String AUTHENTICATOR_URL = "OPENFACTOR_PROMPT_AUTHENTICATOR_URL";
    private static final Map<String, String> PEERS = Map.of(
            "OPENFACTOR_PROMPT_ENROLLMENT_URL", "enrollment-service",
            "OPENFACTOR_PROMPT_VERIFICATION_URL", "verification-service");

    static List<String> overlays() {
        return Repo.overlays();
    }

    /** Relying parties compare the issuer byte for byte, and the endpoints are the issuer plus a path. */
    @ParameterizedTest
    @MethodSource("overlays")
    void theIssuerIsAnHttpsOriginWithoutPathOrTrailingSlash(String overlay) {
        String issuer = env(Kustomize.overlay(overlay)).value(ISSUER).orElseThrow(() -> new AssertionError(ISSUER + " unset"));
        URI uri = URI.create(issuer);
        assertEquals("https", uri.getScheme(), overlay + ": " + issuer);
        assertTrue(uri.getRawPath() == null || uri.getRawPath().isEmpty(), overlay + ": the issuer has a path: " + issuer);
        assertTrue(uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null, overlay + ": " + issuer);
    }

    @Test
    void productionServesPromptAtMfaLoginWhichIsItsIssuer() {
        Rendered production = Kustomize.overlay("production");
        V1Ingress ingress = production.ofKind("Ingress").get(0).typed(V1Ingress.class);
        List<String> hosts = production.ingressHosts(Repo.PROMPT);
        production.ingressRoutes().stream().filter(r -> r.service().equals(Repo.PROMPT))
                .forEach(r -> assertEquals("/", r.path(), "every path of the issuer (pages, /authorize, /token, /jwks, discovery)"));
        assertEquals(List.of("mfa-login.example.com"), hosts);
        assertTrue(ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(hosts.get(0))), "the issuer host has no TLS");
        assertEquals("https://" + hosts.get(0), env(production).value(ISSUER).orElse(null),
                "the issuer must be the address relying parties and browsers reach it at");
    }

    /** The registration pages link to the web authenticator: its public host, not an in-cluster name. */
    @Test
    void productionLinksTheWebAuthenticatorByItsPublicHost() {
        Rendered production = Kustomize.overlay("production");
        List<String> appHosts = production.ingressHosts(Repo.APP);
        URI link = URI.create(env(production).value(AUTHENTICATOR_URL).orElseThrow());
        assertEquals("https", link.getScheme());
        assertEquals(appHosts, List.of(link.getHost()));
    }

    /** Server-side calls with tenants' API keys stay inside the cluster: the peers' Services, on their ports. */
    @ParameterizedTest
    @MethodSource("overlays")
    void itCallsItsPeersThroughTheirInClusterServices(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        ContainerEnv env = env(rendered);
        List<String> problems = new ArrayList<>();
        PEERS.forEach((variable, peer) -> {
            URI uri = URI.create(env.value(variable).orElseThrow(() -> new AssertionError(variable + " unset")));
            V1Service service = rendered.get("Service", peer).typed(V1Service.class);
            int port = service.getSpec().getPorts().get(0).getPort();
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (!host.equals(peer) && !host.startsWith(peer + ".")) {
                problems.add(variable + "=" + uri + " is not the Service " + peer);
            }
            if (uri.getPort() != port) {
                problems.add(variable + "=" + uri + " misses the Service port " + port);
            }
        });
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void itGetsNoKafkaSettingsCredentialsOrCertificates(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        env(rendered).variables().keySet().stream().filter(v -> v.startsWith("KAFKA_")).forEach(v -> problems.add("sets " + v));
        var template = rendered.deployment(Repo.PROMPT).getSpec().getTemplate();
        if (template.getMetadata().getLabels().containsKey("openfactor.dev/kafka-client")) {
            problems.add("labelled a Kafka client");
        }
        if (template.getSpec().getVolumes() != null) {
            template.getSpec().getVolumes().stream().filter(v -> v.getSecret() != null && v.getSecret().getSecretName().contains("kafka"))
                    .forEach(v -> problems.add("mounts " + v.getSecret().getSecretName()));
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** DNS, PostgreSQL, HTTPS (relying parties' JWKS) and the peers' http port: nothing else, Kafka least of all. */
    @Test
    void productionLimitsPromptsEgressToDnsItsDatabaseHttpsAndItsPeers() {
        Rendered production = Kustomize.overlay("production");
        Set<String> egress = new TreeSet<>();
        NetworkPolicies.of(production).egress(labels(production, Repo.PROMPT)).forEach(o -> egress.add(o.protocol() + "/" + o.port()));
        assertEquals(Set.of("UDP/53", "TCP/53", "TCP/5432", "TCP/443", "TCP/http"), egress);
    }

    /** Egress to the peers' pods (named port http), and each peer admits prompt-service's pods there. */
    @Test
    void productionLetsPromptReachExactlyItsTwoPeersOverHttp() {
        Rendered production = Kustomize.overlay("production");
        NetworkPolicies policies = NetworkPolicies.of(production);
        Map<String, String> prompt = labels(production, Repo.PROMPT);
        List<String> problems = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        policies.selecting(prompt).stream().filter(p -> p.getSpec().getEgress() != null).forEach(p -> p.getSpec().getEgress().forEach(rule -> {
            if (rule.getTo() == null || rule.getTo().isEmpty()) {
                return;
            }
            for (V1NetworkPolicyPeer peer : rule.getTo()) {
                String name = peer.getPodSelector() == null || peer.getPodSelector().getMatchLabels() == null ? null
                        : peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
                if (name == null || peer.getNamespaceSelector() != null || peer.getIpBlock() != null) {
                    problems.add("egress peer " + peer + " is not one of the namespace's OpenFactor pods");
                    continue;
                }
                reached.add(name);
                if (!onlyHttp(rule.getPorts())) {
                    problems.add("egress to " + name + " is not limited to its http port: " + rule.getPorts());
                }
            }
        }));
        assertEquals(List.of("enrollment-service", "verification-service"), reached.stream().sorted().toList());
        for (String peer : PEERS.values()) {
            boolean admits = policies.selecting(labels(production, peer)).stream().filter(p -> p.getSpec().getIngress() != null)
                    .flatMap(p -> p.getSpec().getIngress().stream())
                    .anyMatch(rule -> onlyHttp(rule.getPorts()) && rule.getFrom() != null && rule.getFrom().stream()
                            .anyMatch(peerOf -> peerOf.getNamespaceSelector() == null && peerOf.getPodSelector() != null
                                    && peerOf.getPodSelector().getMatchLabels() != null
                                    && prompt.entrySet().containsAll(peerOf.getPodSelector().getMatchLabels().entrySet())));
            if (!admits) {
                problems.add(peer + " does not admit prompt-service's pods on its http port");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void dockerComposeRunsPromptAfterItsDatabaseAndPeersWithoutKafka() {
        JsonNode deps = Compose.service(Repo.PROMPT).path("depends_on");
        for (String dependency : List.of("postgres", "enrollment-service", "verification-service")) {
            assertEquals("service_healthy", deps.path(dependency).path("condition").asText(), dependency);
        }
        Map<String, String> env = Compose.environment(Repo.PROMPT);
        List<String> problems = new ArrayList<>();
        PEERS.forEach((variable, peer) -> {
            URI uri = URI.create(env.getOrDefault(variable, ""));
            int port = Integer.parseInt(Compose.environment(peer).get("OPENFACTOR_HTTP_PORT"));
            if (!peer.equals(uri.getHost()) || uri.getPort() != port) {
                problems.add(variable + "=" + uri + " is not the compose service " + peer + " on " + port);
            }
        });
        env.keySet().stream().filter(v -> v.startsWith("KAFKA_")).forEach(v -> problems.add("sets " + v));
        URI app = URI.create(env.getOrDefault(AUTHENTICATOR_URL, ""));
        if (!Compose.service(Repo.APP).path("ports").toString().contains(app.getPort() + ":")) {
            problems.add(AUTHENTICATOR_URL + "=" + app + " is not where compose publishes the web authenticator");
        }
        assertEquals(List.of(), problems);
    }

    private static boolean onlyHttp(List<V1NetworkPolicyPort> ports) {
        return ports != null && !ports.isEmpty() && ports.stream().allMatch(p -> p.getPort() != null && "http".equals(p.getPort().getStrValue()));
    }

    private static ContainerEnv env(Rendered rendered) {
        return ContainerEnv.of(rendered, rendered.container(Repo.PROMPT));
    }

    private static Map<String, String> labels(Rendered rendered, String deployment) {
        return rendered.deployment(deployment).getSpec().getTemplate().getMetadata().getLabels();
    }
}
