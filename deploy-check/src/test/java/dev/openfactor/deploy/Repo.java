package dev.openfactor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The checkout under test: manifests, compose file and the services' sources, read from its root. */
final class Repo {

    static final Path ROOT = locate();
    /** The hosted pages and OpenID Connect provider: a Quarkus service like the others, but without Kafka. */
    static final String PROMPT = "prompt-service";
    /** The Quarkus services: each held to the same configuration, hardening, image and compose checks. */
    static final List<String> SERVICES = List.of("enrollment-service", "verification-service", "notification-service", PROMPT);
    /** The services that produce or consume Kafka topics (prompt-service calls the other two over HTTP instead). */
    static final List<String> KAFKA_CLIENTS = List.of("enrollment-service", "verification-service", "notification-service");
    /** The web authenticator: static files behind nginx, deployed beside the services. */
    static final String APP = "authenticator";
    /** Every Deployment of every overlay: the services and the web authenticator, hardened alike. */
    static final List<String> WORKLOADS = List.of("enrollment-service", "verification-service", "notification-service", PROMPT, APP);
    /** The demo relying party (demo/): a Deployment of the dev overlay only. */
    static final String DEMO = "demo";
    static final String DEMO_OVERLAY = "dev";
    static final YAMLMapper YAML = new YAMLMapper();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readYaml(String relative) {
        try {
            return YAML.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every directory under deploy/k8s/overlays, so a new overlay is checked without touching the tests. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(path("deploy/k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dockerfile(String workload) {
        return workload.equals(APP) || workload.equals(DEMO) ? path(workload + "/Dockerfile")
                : path(workload + "/src/main/docker/Dockerfile.jvm");
    }

    /** Surefire passes the reactor root; run elsewhere (an IDE), the nearest parent with docker-compose.yml. */
    private static Path locate() {
        String configured = System.getProperty("openfactor.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy/k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (set -Dopenfactor.root)");
    }
}
