package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;

/**
 * Every variable a service reads is set wherever it is deployed (each overlay, docker-compose.yml),
 * nothing set is a misspelling the service would ignore, and secrets travel only as secrets.
 */
class EnvironmentCoverageTest {

    /** Values that must never be written into a manifest or the compose file. */
    static final Pattern SECRET = Pattern.compile(".*(PASSWORD|TOKEN|_KEYS|DATA_KEY|JAAS_CONFIG|ACCOUNT_SID)$");

    static List<String> overlays() {
        return Repo.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachOverlaySetsEveryVariableItsServicesRead(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> missing = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            ContainerEnv env = ContainerEnv.of(rendered, rendered.container(service.service()));
            service.requiredVariables().stream().filter(v -> !env.alwaysProvides(v))
                    .forEach(v -> missing.add(service.service() + ": " + v));
        }
        assertEquals(List.of(), missing, overlay + " leaves unset");
    }

    @Test
    void dockerComposeSetsEveryVariableTheServicesRead() {
        List<String> missing = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            Set<String> provided = Compose.environment(service.service()).keySet();
            service.requiredVariables().stream().filter(v -> !provided.contains(v))
                    .forEach(v -> missing.add(service.service() + ": " + v));
        }
        assertEquals(List.of(), missing, "docker-compose.yml leaves unset");
    }

    @Test
    void requiredVariablesAreLearntFromTheSources() {
        ServiceConfig enrollment = new ServiceConfig("enrollment-service");
        ServiceConfig notification = new ServiceConfig("notification-service");
        ServiceConfig prompt = new ServiceConfig(Repo.PROMPT);
        assertTrue(enrollment.requiredVariables().containsAll(List.of("OPENFACTOR_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "OPENFACTOR_ENROLLMENT_PUBLIC_BASE_URL", "OPENFACTOR_ADMIN_TOKEN", "OPENFACTOR_CRYPTO_KEK_KEYS")),
                enrollment.requiredVariables().toString());
        assertTrue(notification.requiredVariables().containsAll(ServiceConfig.DELIVERY), notification.requiredVariables().toString());
        assertTrue(notification.knownVariables().contains("OPENFACTOR_NOTIFICATION_APNS_KEY_FILE"), "config keys from NotificationConfig");
        assertTrue(notification.knownVariables().contains("OPENFACTOR_CRYPTO_DELIVERY_ACTIVE_KEY_ID"), "config keys from the platform");
        // A mapping key with no default that application.properties leaves to the environment.
        assertTrue(prompt.requiredVariables().containsAll(List.of("OPENFACTOR_PROMPT_DATA_KEY", "OPENFACTOR_PROMPT_ISSUER",
                "OPENFACTOR_PROMPT_ENROLLMENT_URL", "OPENFACTOR_ADMIN_TOKEN")), prompt.requiredVariables().toString());
        assertTrue(prompt.requiredVariables().stream().noneMatch(v -> v.startsWith("KAFKA_") || v.startsWith("OPENFACTOR_CRYPTO_")),
                prompt.requiredVariables().toString());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlaysSetNoOpenFactorVariableTheServicesWouldIgnore(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> unknown = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            Set<String> known = service.knownVariables();
            ContainerEnv.of(rendered, rendered.container(service.service())).variables().keySet().stream()
                    .filter(v -> v.startsWith("OPENFACTOR_") && !known.contains(v))
                    .forEach(v -> unknown.add(service.service() + ": " + v));
        }
        assertEquals(List.of(), unknown, overlay + " sets variables no configuration key matches");
    }

    @Test
    void dockerComposeSetsNoOpenFactorVariableTheServicesWouldIgnore() {
        List<String> unknown = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            Set<String> known = service.knownVariables();
            Compose.environment(service.service()).keySet().stream()
                    .filter(v -> v.startsWith("OPENFACTOR_") && !known.contains(v))
                    .forEach(v -> unknown.add(service.service() + ": " + v));
        }
        assertEquals(List.of(), unknown, "docker-compose.yml sets variables no configuration key matches");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void keysAndTheAdminTokenReachOnlyServicesThatUseThem(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> leaks = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            ContainerEnv env = ContainerEnv.of(rendered, rendered.container(service.service()));
            boolean sandboxOn = "true".equals(env.value(ServiceConfig.SANDBOX).orElse(null));
            leaks.addAll(leaks(service, env.variables().keySet(), sandboxOn));
        }
        assertEquals(List.of(), leaks, overlay);
    }

    @Test
    void dockerComposeGivesKeysAndTheAdminTokenOnlyToServicesThatUseThem() {
        List<String> leaks = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, String> env = Compose.environment(service.service());
            leaks.addAll(leaks(service, env.keySet(), "true".equals(env.get(ServiceConfig.SANDBOX))));
        }
        assertEquals(List.of(), leaks);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsComeFromSecretKeyRefs(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> plain = new ArrayList<>();
        for (String service : rendered.deployments()) {
            ContainerEnv.of(rendered, rendered.container(service)).variables().forEach((name, source) -> {
                if (SECRET.matcher(name).matches() && !(source instanceof ContainerEnv.FromSecret)) {
                    plain.add(service + ": " + name + " from " + source);
                }
            });
        }
        for (Manifest configMap : rendered.ofKind("ConfigMap")) {
            configMap.tree().path("data").fieldNames().forEachRemaining(key -> {
                if (SECRET.matcher(key).matches()) {
                    plain.add("ConfigMap " + configMap.name() + ": " + key);
                }
            });
        }
        assertEquals(List.of(), plain, overlay + " puts secrets outside Secrets");
    }

    /** Key files (APNs .p8, Firebase JSON, Kafka CA, the demo's key) are mounted from Secrets where the variable says. */
    @ParameterizedTest
    @MethodSource("overlays")
    void fileSettingsPointIntoMountedSecrets(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : rendered.deployments()) {
            V1PodSpec pod = rendered.deployment(service).getSpec().getTemplate().getSpec();
            V1Container c = rendered.container(service);
            ContainerEnv env = ContainerEnv.of(rendered, c);
            for (String name : env.variables().keySet()) {
                if (name.endsWith("_FILE") || name.endsWith("_LOCATION")) {
                    String path = env.value(name).orElse("");
                    if (!mountedFromSecret(pod, c, path)) {
                        problems.add(service + ": " + name + "=" + path + " is not a file of a mounted secret");
                    }
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @Test
    void dockerComposeTakesSecretsFromTheUncommittedEnvFile() {
        Set<String> template = envExampleNames();
        List<String> problems = new ArrayList<>();
        for (String service : List.of("postgres", "enrollment-service", "verification-service", "notification-service", Repo.PROMPT)) {
            Compose.environment(service).forEach((name, value) -> {
                if (SECRET.matcher(name).matches()) {
                    var reference = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}").matcher(value);
                    if (!reference.matches()) {
                        problems.add(service + ": " + name + " must be ${VARIABLE:?...} from .env");
                    } else if (!template.contains(reference.group(1))) {
                        problems.add(service + ": " + reference.group(1) + " is not explained in .env.example");
                    }
                }
            });
        }
        assertEquals(List.of(), problems);
        assertTrue(Repo.read(".gitignore").lines().anyMatch(".env"::equals), ".env must be git-ignored");
    }

    @Test
    void envExampleCommitsNoSecretValue() {
        List<String> filled = Repo.read(".env.example").lines()
                .filter(l -> !l.startsWith("#") && l.contains("="))
                .filter(l -> !l.endsWith("=") && (l.contains("PASSWORD") || l.contains("TOKEN") || l.contains("_KEYS")))
                .toList();
        assertEquals(List.of(), filled, ".env.example should say how to make a secret, not hold one");
    }

    @Test
    void noSecretManifestIsKeptInTheRepository() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Repo.path("deploy"))) {
            offenders = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> read(p).lines().anyMatch(l -> l.matches("\\s*kind:\\s*Secret\\s*")))
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    /**
     * The admin token goes to services with an admin API, and to notification-service only where
     * its sandbox is on (the token is what opens the sandbox's record of codes).
     */
    private static List<String> leaks(ServiceConfig service, Set<String> provided, boolean sandboxOn) {
        Set<String> forbidden = new TreeSet<>();
        if (!service.usesKeyEncryptionRing()) {
            forbidden.addAll(ServiceConfig.KEK);
        }
        if (!service.usesDeliveryRing()) {
            forbidden.addAll(ServiceConfig.DELIVERY);
        }
        if (!service.servesAdminApi() && !(sandboxOn && service.guardsSandboxWithAdminToken())) {
            forbidden.add(ServiceConfig.ADMIN_TOKEN);
        }
        return forbidden.stream().filter(provided::contains).map(v -> service.service() + " does not use " + v).toList();
    }

    private static boolean mountedFromSecret(V1PodSpec pod, V1Container c, String path) {
        if (c.getVolumeMounts() == null || pod.getVolumes() == null) {
            return false;
        }
        for (var mount : c.getVolumeMounts()) {
            if (!path.startsWith(mount.getMountPath() + "/")) {
                continue;
            }
            String file = path.substring(mount.getMountPath().length() + 1);
            for (var volume : pod.getVolumes()) {
                if (volume.getName().equals(mount.getName()) && volume.getSecret() != null) {
                    var items = volume.getSecret().getItems();
                    return items == null || items.stream().anyMatch(i -> i.getPath().equals(file));
                }
            }
        }
        return false;
    }

    private static Set<String> envExampleNames() {
        Set<String> names = new TreeSet<>();
        Repo.read(".env.example").lines().filter(l -> !l.startsWith("#") && l.contains("="))
                .forEach(l -> names.add(l.substring(0, l.indexOf('='))));
        return names;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
