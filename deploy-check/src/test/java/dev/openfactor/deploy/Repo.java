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
    static final List<String> SERVICES = List.of("enrollment-service", "verification-service", "notification-service");
    /** The web authenticator: static files behind nginx, deployed beside the services. */
    static final String APP = "authenticator";
    /** Every Deployment: the services and the web authenticator, hardened alike. */
    static final List<String> WORKLOADS = List.of("enrollment-service", "verification-service", "notification-service", APP);
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
        return workload.equals(APP) ? path(APP + "/Dockerfile") : path(workload + "/src/main/docker/Dockerfile.jvm");
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
