package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1Volume;

/**
 * The pod hardening every overlay must keep, checked on every Deployment as rendered: the four
 * services, the web authenticator and an overlay's own (the dev overlay's demo).
 * Each test lists every violation at once rather than stopping at the first.
 */
class WorkloadHardeningTest {

    /** nginx-unprivileged's port (authenticator/Dockerfile EXPOSE, nginx.conf listen). */
    static final int AUTHENTICATOR_PORT = 8080;

    static List<String> overlays() {
        return Repo.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskQuarkusHealthOnTheServicePort(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            V1Container c = rendered.container(service.service());
            probe(problems, c, "startup", c.getStartupProbe(), "/q/health/started", service.httpPort());
            probe(problems, c, "readiness", c.getReadinessProbe(), "/q/health/ready", service.httpPort());
            probe(problems, c, "liveness", c.getLivenessProbe(), "/q/health/live", service.httpPort());
            int configured = ContainerEnv.of(rendered, c).value("OPENFACTOR_HTTP_PORT").map(Integer::parseInt).orElse(service.httpPort());
            if (configured != service.httpPort()) {
                problems.add(c.getName() + ": OPENFACTOR_HTTP_PORT " + configured + " but its container port is " + service.httpPort());
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
        List<String> problems = new ArrayList<>();
        for (String service : Kustomize.overlay(overlay).deployments()) {
            V1Container c = Kustomize.overlay(overlay).container(service);
            var r = c.getResources();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = r == null || r.getRequests() == null ? null : r.getRequests().get(resource);
                Quantity limit = r == null || r.getLimits() == null ? null : r.getLimits().get(resource);
                if (request == null || limit == null) {
                    problems.add(service + ": " + resource + " request and limit both needed");
                } else if (request.getNumber().compareTo(limit.getNumber()) > 0) {
                    problems.add(service + ": " + resource + " request above its limit");
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containersRunUnprivilegedOnAReadOnlyRoot(String overlay) {
        List<String> problems = new ArrayList<>();
        for (String service : Kustomize.overlay(overlay).deployments()) {
            V1PodSpec pod = Kustomize.overlay(overlay).deployment(service).getSpec().getTemplate().getSpec();
            V1PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(V1PodSecurityContext::new);
            for (V1Container c : allContainers(pod)) {
                V1SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElseGet(V1SecurityContext::new);
                String who = service + "/" + c.getName();
                Boolean nonRoot = firstNonNull(sc.getRunAsNonRoot(), podContext.getRunAsNonRoot());
                Long uid = firstNonNull(sc.getRunAsUser(), podContext.getRunAsUser());
                var seccomp = firstNonNull(sc.getSeccompProfile(), podContext.getSeccompProfile());
                check(problems, who, "runAsNonRoot: true", Boolean.TRUE.equals(nonRoot));
                check(problems, who, "a numeric runAsUser other than 0", uid != null && uid != 0);
                check(problems, who, "readOnlyRootFilesystem: true", Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()));
                check(problems, who, "allowPrivilegeEscalation: false", Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()));
                check(problems, who, "not privileged", !Boolean.TRUE.equals(sc.getPrivileged()));
                check(problems, who, "capabilities drop [ALL], add none", sc.getCapabilities() != null
                        && sc.getCapabilities().getDrop() != null && sc.getCapabilities().getDrop().contains("ALL")
                        && (sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty()));
                check(problems, who, "seccompProfile RuntimeDefault", seccomp != null && "RuntimeDefault".equals(seccomp.getType()));
                check(problems, who, "a writable /tmp from an emptyDir", tmpIsEmptyDir(pod, c));
            }
            check(problems, service, "no host namespaces", !Boolean.TRUE.equals(pod.getHostNetwork())
                    && !Boolean.TRUE.equals(pod.getHostPID()) && !Boolean.TRUE.equals(pod.getHostIPC()));
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** The image and the manifests must agree on the uid, or file permissions surprise someone. */
    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunAsTheUserTheImageDeclares(String overlay) {
        List<String> problems = new ArrayList<>();
        for (String service : Kustomize.overlay(overlay).deployments()) {
            V1PodSpec pod = Kustomize.overlay(overlay).deployment(service).getSpec().getTemplate().getSpec();
            V1Container c = Kustomize.overlay(overlay).container(service);
            Long uid = firstNonNull(c.getSecurityContext() == null ? null : c.getSecurityContext().getRunAsUser(),
                    pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsUser());
            Optional<Long> imageUid = Dockerfiles.of(service).runtimeUid();
            if (imageUid.isEmpty() || !imageUid.get().equals(uid)) {
                problems.add(service + ": pod runs as " + uid + ", image declares USER " + imageUid.orElse(null));
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shutdownFinishesWithinTheGracePeriod(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            V1PodSpec pod = rendered.deployment(service).getSpec().getTemplate().getSpec();
            V1Container c = rendered.container(service);
            Optional<String> timeout = ContainerEnv.of(rendered, c).value(ServiceConfig.SHUTDOWN_TIMEOUT);
            if (timeout.isEmpty()) {
                problems.add(service + ": " + ServiceConfig.SHUTDOWN_TIMEOUT + " unset (Quarkus would not wait for requests)");
                continue;
            }
            Duration preStop = Duration.ZERO;
            if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null && c.getLifecycle().getPreStop().getSleep() != null) {
                preStop = Duration.ofSeconds(c.getLifecycle().getPreStop().getSleep().getSeconds());
            }
            Duration needed = Durations.parse(timeout.get()).plus(preStop);
            long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
            if (Duration.ofSeconds(grace).compareTo(needed) <= 0) {
                problems.add(service + ": terminationGracePeriodSeconds " + grace + " is not above shutdown timeout "
                        + timeout.get() + " + preStop " + preStop.toSeconds() + "s");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noServiceAccountTokenIsMounted(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Kustomize.overlay(overlay).deployments()) {
            V1PodSpec pod = rendered.deployment(service).getSpec().getTemplate().getSpec();
            check(problems, service, "its own service account", service.equals(pod.getServiceAccountName()));
            check(problems, service, "automountServiceAccountToken: false on the pod",
                    Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()));
            V1ServiceAccount account = rendered.get("ServiceAccount", service).typed(V1ServiceAccount.class);
            check(problems, service, "automountServiceAccountToken: false on the ServiceAccount",
                    Boolean.FALSE.equals(account.getAutomountServiceAccountToken()));
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesArePinnedToAVersion(String overlay) {
        List<String> problems = new ArrayList<>();
        for (String service : Kustomize.overlay(overlay).deployments()) {
            String image = Kustomize.overlay(overlay).container(service).getImage();
            String afterRepository = image.substring(image.lastIndexOf('/') + 1);
            boolean tagged = afterRepository.contains(":") || image.contains("@sha256:");
            if (!tagged || image.endsWith(":latest")) {
                problems.add(service + ": image " + image + " has no version (set it with `images:` in the overlay)");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesRouteToTheContainersHttpPort(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            V1Service svc = rendered.get("Service", service.service()).typed(V1Service.class);
            V1Deployment deployment = rendered.deployment(service.service());
            var podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            check(problems, service.service(), "Service selector matches the pods",
                    podLabels.entrySet().containsAll(svc.getSpec().getSelector().entrySet()));
            for (var port : svc.getSpec().getPorts()) {
                Integer target = resolve(rendered.container(service.service()), port.getTargetPort());
                check(problems, service.service(), "Service port " + port.getName() + " reaches container port "
                        + service.httpPort(), Objects.equals(target, service.httpPort()));
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** nginx answers /healthz itself; it has no start-up to wait for. */
    @ParameterizedTest
    @MethodSource("overlays")
    void theAuthenticatorIsProbedOnItsHealthzAndRoutedToItsPort(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        V1Container c = rendered.container(Repo.APP);
        probe(problems, c, "readiness", c.getReadinessProbe(), "/healthz", AUTHENTICATOR_PORT);
        probe(problems, c, "liveness", c.getLivenessProbe(), "/healthz", AUTHENTICATOR_PORT);
        V1Service svc = rendered.get("Service", Repo.APP).typed(V1Service.class);
        var podLabels = rendered.deployment(Repo.APP).getSpec().getTemplate().getMetadata().getLabels();
        check(problems, Repo.APP, "Service selector matches the pods",
                podLabels.entrySet().containsAll(svc.getSpec().getSelector().entrySet()));
        for (var port : svc.getSpec().getPorts()) {
            check(problems, Repo.APP, "Service port " + port.getName() + " reaches container port " + AUTHENTICATOR_PORT,
                    Objects.equals(resolve(c, port.getTargetPort()), AUTHENTICATOR_PORT));
        }
        Duration preStop = c.getLifecycle() == null || c.getLifecycle().getPreStop() == null
                || c.getLifecycle().getPreStop().getSleep() == null ? Duration.ZERO
                        : Duration.ofSeconds(c.getLifecycle().getPreStop().getSleep().getSeconds());
        Long grace = rendered.deployment(Repo.APP).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        check(problems, Repo.APP, "a grace period longer than its preStop pause",
                Duration.ofSeconds(grace == null ? 30 : grace).compareTo(preStop) > 0);
        assertEquals(List.of(), problems, overlay);
    }

    private static void probe(List<String> problems, V1Container c, String kind, V1Probe probe, String path, int port) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(c.getName() + ": no HTTP " + kind + " probe");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(c.getName() + ": " + kind + " probe asks " + probe.getHttpGet().getPath() + ", not " + path);
        }
        Integer resolved = resolve(c, probe.getHttpGet().getPort());
        if (!Objects.equals(resolved, port)) {
            problems.add(c.getName() + ": " + kind + " probe goes to port " + resolved + ", the service listens on " + port);
        }
    }

    /** A numeric port, or a named one looked up among the container's ports. */
    private static Integer resolve(V1Container c, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.isInteger()) {
            return port.getIntValue();
        }
        return c.getPorts() == null ? null : c.getPorts().stream().filter(p -> port.getStrValue().equals(p.getName()))
                .map(V1ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private static boolean tmpIsEmptyDir(V1PodSpec pod, V1Container c) {
        if (c.getVolumeMounts() == null || pod.getVolumes() == null) {
            return false;
        }
        return c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath()) && !Boolean.TRUE.equals(m.getReadOnly()))
                .anyMatch(m -> pod.getVolumes().stream()
                        .anyMatch(v -> v.getName().equals(m.getName()) && emptyDir(v)));
    }

    private static boolean emptyDir(V1Volume v) {
        return v.getEmptyDir() != null;
    }

    private static List<V1Container> allContainers(V1PodSpec pod) {
        List<V1Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }

    private static void check(List<String> problems, String who, String rule, boolean ok) {
        if (!ok) {
            problems.add(who + ": needs " + rule);
        }
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
