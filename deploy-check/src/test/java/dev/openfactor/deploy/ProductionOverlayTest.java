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

import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/** What production adds over the base: availability, autoscaling, network isolation, public entry. */
class ProductionOverlayTest {

    private static final Rendered PRODUCTION = Kustomize.overlay("production");
    private static final NetworkPolicies POLICIES = NetworkPolicies.of(PRODUCTION);

    @Test
    void everyServiceRunsTwoReplicasAndKeepsOneThroughDisruptions() {
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Integer replicas = PRODUCTION.deployment(service).getSpec().getReplicas();
            if (replicas == null || replicas < 2) {
                problems.add(service + ": replicas " + replicas);
            }
            var pdb = PRODUCTION.get("PodDisruptionBudget", service).typed(V1PodDisruptionBudget.class).getSpec();
            if (pdb.getMinAvailable() == null || !pdb.getMinAvailable().isInteger() || pdb.getMinAvailable().getIntValue() != 1
                    || pdb.getMaxUnavailable() != null) {
                problems.add(service + ": PDB should be minAvailable 1 alone, is " + pdb);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyServiceAutoscalesOnCpuFromTwoReplicas() {
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            var hpa = PRODUCTION.get("HorizontalPodAutoscaler", service).typed(V2HorizontalPodAutoscaler.class).getSpec();
            if (!"Deployment".equals(hpa.getScaleTargetRef().getKind()) || !service.equals(hpa.getScaleTargetRef().getName())) {
                problems.add(service + ": HPA scales " + hpa.getScaleTargetRef());
            }
            if (hpa.getMinReplicas() == null || hpa.getMinReplicas() < 2 || hpa.getMaxReplicas() < hpa.getMinReplicas()) {
                problems.add(service + ": HPA " + hpa.getMinReplicas() + ".." + hpa.getMaxReplicas());
            }
            boolean cpu = hpa.getMetrics() != null && hpa.getMetrics().stream()
                    .anyMatch(m -> m.getResource() != null && "cpu".equals(m.getResource().getName()));
            if (!cpu) {
                problems.add(service + ": HPA without a CPU metric");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPodIsIsolatedBothWays() {
        List<String> open = new ArrayList<>();
        boolean defaultDeny = POLICIES.policies().stream().anyMatch(p -> "openfactor".equals(
                        p.getSpec().getPodSelector().getMatchLabels() == null ? null
                                : p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/part-of"))
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && isEmpty(p.getSpec().getIngress()) && isEmpty(p.getSpec().getEgress()));
        if (!defaultDeny) {
            open.add("no default-deny policy for every OpenFactor pod (a new pod would otherwise start unrestricted)");
        }
        for (String service : Repo.SERVICES) {
            for (String type : List.of("Ingress", "Egress")) {
                if (!POLICIES.isolated(labels(service), type)) {
                    open.add(service + ": not isolated for " + type);
                }
            }
        }
        assertEquals(List.of(), open);
    }

    @Test
    void podsReachDnsTheirDatabaseAndKafkaAndOnlyNotificationLeavesForTheProviders() {
        List<String> problems = new ArrayList<>();
        Set<String> everyone = Set.of("UDP/53", "TCP/53", "TCP/5432");
        Set<String> kafka = Set.of("TCP/9092", "TCP/9093");
        for (String service : Repo.SERVICES) {
            Set<String> egress = new TreeSet<>();
            POLICIES.egress(labels(service)).forEach(o -> egress.add(o.protocol() + "/" + o.port()));
            if (!egress.containsAll(everyone)) {
                problems.add(service + ": egress " + egress + " lacks some of " + everyone);
            }
            boolean kafkaClient = Repo.KAFKA_CLIENTS.contains(service);
            if (kafkaClient && !egress.contains("TCP/9092")) {
                problems.add(service + ": cannot reach Kafka");
            }
            if (!kafkaClient && egress.stream().anyMatch(kafka::contains)) {
                problems.add(service + ": uses no Kafka but may reach it");
            }
            if (egress.contains("*/*")) {
                problems.add(service + ": an egress rule opens every port");
            }
            // notification-service calls APNs, FCM and Twilio; prompt-service fetches relying parties' JWKS (Entra ID's).
            boolean https = egress.contains("TCP/443");
            if (https != (service.equals("notification-service") || service.equals(Repo.PROMPT))) {
                problems.add(service + (https ? ": may leave the cluster on 443" : ": cannot reach its external HTTPS peers on 443"));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void onlyChosenSourcesReachTheHttpPorts() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            List<NetworkPolicies.Opening> ingress = POLICIES.ingress(labels(service.service()));
            if (ingress.isEmpty()) {
                problems.add(service.service() + ": nothing may reach it (not even Prometheus)");
            }
            for (NetworkPolicies.Opening o : ingress) {
                if (o.anySource()) {
                    problems.add(service.service() + ": an ingress rule admits every source");
                }
                if (!o.port().equals("http") && !o.port().equals(String.valueOf(service.httpPort()))) {
                    problems.add(service.service() + ": ingress open on " + o.port() + ", not its HTTP port");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theIngressExposesTheFrontendFacingServicesAtTheUrlsAppsAreTold() {
        V1Ingress ingress = PRODUCTION.ofKind("Ingress").get(0).typed(V1Ingress.class);
        Map<String, String> backendByHost = new java.util.TreeMap<>();
        PRODUCTION.ingressRoutes().forEach(r -> backendByHost.put(r.host(), r.service()));
        assertEquals(Set.of("enrollment-service", "verification-service", Repo.PROMPT, Repo.APP), new TreeSet<>(backendByHost.values()),
                "notification-service has no public API");

        String base = ContainerEnv.of(PRODUCTION, PRODUCTION.container("enrollment-service"))
                .value("OPENFACTOR_ENROLLMENT_PUBLIC_BASE_URL").orElseThrow();
        URI uri = URI.create(base);
        assertEquals("https", uri.getScheme(), "phones fetch activation URLs over TLS");
        assertEquals("enrollment-service", backendByHost.get(uri.getHost()),
                "activation URLs (" + base + ") must lead to enrollment-service through the ingress");
        assertTrue(ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(uri.getHost())),
                uri.getHost() + " has no TLS");

        URI verification = URI.create(ContainerEnv.of(PRODUCTION, PRODUCTION.container("enrollment-service"))
                .value("OPENFACTOR_ENROLLMENT_VERIFICATION_PUBLIC_URL").orElseThrow());
        assertEquals("https", verification.getScheme());
        assertEquals("verification-service", backendByHost.get(verification.getHost()),
                "the verification URL told to apps must lead to verification-service through the ingress");
        assertTrue(ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(verification.getHost())),
                verification.getHost() + " has no TLS");
    }

    @Test
    void productionSendsForRealAndDevOnlyRecords() {
        String sandbox = ServiceConfig.SANDBOX;
        ContainerEnv production = ContainerEnv.of(PRODUCTION, PRODUCTION.container("notification-service"));
        assertEquals("false", production.value(sandbox).orElse(null));
        assertFalse(production.variables().containsKey(ServiceConfig.SANDBOX_ALLOW_IN_PROD));
        assertFalse(production.variables().containsKey(ServiceConfig.ADMIN_TOKEN), "production's notification-service has no sandbox to open");
        Rendered dev = Kustomize.overlay("dev");
        ContainerEnv devEnv = ContainerEnv.of(dev, dev.container("notification-service"));
        assertEquals("true", devEnv.value(sandbox).orElse(null));
        // The dev images run the prod profile: the sandbox would refuse to start without this.
        assertEquals("true", devEnv.value(ServiceConfig.SANDBOX_ALLOW_IN_PROD).orElse(null));
        assertTrue(devEnv.alwaysProvides(ServiceConfig.ADMIN_TOKEN), "the dev sandbox is read with the admin token");
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static Map<String, String> labels(String service) {
        return PRODUCTION.deployment(service).getSpec().getTemplate().getMetadata().getLabels();
    }
}
