package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Service;

/**
 * The demo relying party (demo/): in the dev overlay and docker-compose.yml only, pointed at prompt-service
 * the way a browser and a server each reach it. Its pod hardening is WorkloadHardeningTest's, as for every
 * Deployment.
 */
class DemoTest {

    /** demo/Dockerfile's EXPOSE and DEMO_PORT. */
    static final int DEMO_PORT = 8085;

    @Test
    void onlyTheDevOverlayRunsTheDemo() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Repo.overlays()) {
            Rendered rendered = Kustomize.overlay(overlay);
            boolean dev = overlay.equals(Repo.DEMO_OVERLAY);
            for (String kind : List.of("Deployment", "Service", "ServiceAccount")) {
                if (rendered.find(kind, Repo.DEMO).isPresent() != dev) {
                    problems.add(overlay + (dev ? " lacks " : " has ") + kind + "/" + Repo.DEMO);
                }
            }
            if (!dev) {
                rendered.manifests().stream().filter(m -> m.name().startsWith(Repo.DEMO + "-") || m.yaml().contains("openfactor/demo")
                        || m.yaml().contains("openfactor-demo")).forEach(m -> problems.add(overlay + " has " + m));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDemoReachesPromptAsBrowsersDoAndThroughItsServiceFromThePod() {
        Rendered dev = Kustomize.overlay(Repo.DEMO_OVERLAY);
        ContainerEnv env = ContainerEnv.of(dev, dev.container(Repo.DEMO));
        String issuer = ContainerEnv.of(dev, dev.container(Repo.PROMPT)).value("OPENFACTOR_PROMPT_ISSUER").orElseThrow();
        assertEquals(issuer, env.value("DEMO_ISSUER").orElse(null), "DEMO_ISSUER must be prompt-service's issuer exactly");
        int promptPort = dev.get("Service", Repo.PROMPT).typed(V1Service.class).getSpec().getPorts().get(0).getPort();
        assertEquals("http://" + Repo.PROMPT + ":" + promptPort, env.value("DEMO_BACKCHANNEL_ISSUER").orElse(null));
        assertEquals("contoso-mail", env.value("DEMO_CLIENT_ID").orElse(null));
        assertEquals("https", URI.create(env.value("DEMO_PUBLIC_URL").orElseThrow()).getScheme(),
                "its session cookie is Secure only on an https public URL");
        assertEquals(String.valueOf(DEMO_PORT), env.value("DEMO_PORT").orElse(null));
    }

    /** The key signs request objects and client assertions: from the Secret openfactor-demo, mounted read-only. */
    @Test
    void theDemoKeyIsAMountedSecretFile() {
        Rendered dev = Kustomize.overlay(Repo.DEMO_OVERLAY);
        V1Container c = dev.container(Repo.DEMO);
        String file = ContainerEnv.of(dev, c).value("DEMO_KEY_FILE").orElseThrow();
        var pod = dev.deployment(Repo.DEMO).getSpec().getTemplate().getSpec();
        boolean mounted = c.getVolumeMounts().stream().filter(m -> file.equals(m.getMountPath() + "/key.pem"))
                .anyMatch(m -> Boolean.TRUE.equals(m.getReadOnly()) && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName())
                        && v.getSecret() != null && "openfactor-demo".equals(v.getSecret().getSecretName())
                        && v.getSecret().getItems().stream().anyMatch(i -> i.getKey().equals("key.pem") && i.getPath().equals("key.pem"))));
        assertTrue(mounted, "DEMO_KEY_FILE=" + file + " is not key.pem of the secret openfactor-demo, mounted read-only");
    }

    @Test
    void theDemoIsProbedOnHealthzAndRoutedToItsPort() {
        Rendered dev = Kustomize.overlay(Repo.DEMO_OVERLAY);
        V1Container c = dev.container(Repo.DEMO);
        List<String> problems = new ArrayList<>();
        int port = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow().getContainerPort();
        if (port != DEMO_PORT) {
            problems.add("container port " + port);
        }
        for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe())) {
            if (probe == null || probe.getHttpGet() == null || !"/healthz".equals(probe.getHttpGet().getPath())
                    || !"http".equals(probe.getHttpGet().getPort().getStrValue())) {
                problems.add("probe " + probe);
            }
        }
        V1Service svc = dev.get("Service", Repo.DEMO).typed(V1Service.class);
        var podLabels = dev.deployment(Repo.DEMO).getSpec().getTemplate().getMetadata().getLabels();
        if (!podLabels.entrySet().containsAll(svc.getSpec().getSelector().entrySet())) {
            problems.add("Service selector does not match the pods");
        }
        svc.getSpec().getPorts().stream().filter(p -> !Objects.equals(p.getTargetPort().getStrValue(), "http"))
                .forEach(p -> problems.add("Service port " + p.getName() + " does not target http"));
        if ("backend".equals(podLabels.get("app.kubernetes.io/component"))) {
            problems.add("labelled backend: the Quarkus services' patches and policies would apply to it");
        }
        Dockerfiles image = Dockerfiles.of(Repo.DEMO);
        if (!image.all("EXPOSE").contains("EXPOSE " + DEMO_PORT)) {
            problems.add("demo/Dockerfile exposes " + image.all("EXPOSE"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void dockerComposeRunsTheDemoAgainstPromptService() {
        JsonNode demo = Compose.service(Repo.DEMO);
        Map<String, String> env = Compose.environment(Repo.DEMO);
        Map<String, String> prompt = Compose.environment(Repo.PROMPT);
        List<String> problems = new ArrayList<>();
        check(problems, "built from demo/Dockerfile", demo.path("build").path("context").asText().equals("./demo")
                && demo.path("build").path("dockerfile").asText().equals("Dockerfile"));
        check(problems, "published on " + DEMO_PORT, demo.path("ports").toString().contains(DEMO_PORT + ":" + DEMO_PORT));
        check(problems, "DEMO_ISSUER is prompt-service's issuer", Objects.equals(prompt.get("OPENFACTOR_PROMPT_ISSUER"), env.get("DEMO_ISSUER")));
        check(problems, "DEMO_BACKCHANNEL_ISSUER is the prompt-service container", ("http://" + Repo.PROMPT + ":"
                + prompt.get("OPENFACTOR_HTTP_PORT")).equals(env.get("DEMO_BACKCHANNEL_ISSUER")));
        check(problems, "read-only with a /tmp tmpfs", demo.path("read_only").asBoolean() && demo.path("tmpfs").toString().contains("/tmp"));
        String keyFile = env.getOrDefault("DEMO_KEY_FILE", "");
        check(problems, "the key on a named volume, so its registered JWKS survives restarts", keyFile.contains("/")
                && demo.path("volumes").toString().contains(":" + keyFile.substring(0, keyFile.lastIndexOf('/')) + "\""));
        check(problems, "starts after prompt-service is healthy",
                demo.path("depends_on").path(Repo.PROMPT).path("condition").asText().equals("service_healthy"));
        assertEquals(List.of(), problems);
    }

    private static void check(List<String> problems, String rule, boolean ok) {
        if (!ok) {
            problems.add(rule);
        }
    }
}
