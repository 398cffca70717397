package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** docker-compose.yml and the Dockerfiles it builds. No Docker engine here: both are read, not run. */
class ComposeAndImagesTest {

    @Test
    void eachServiceIsBuiltFromItsDockerfileAndStartsOnceItsInfrastructureIsHealthy() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            String name = service.service();
            JsonNode s = Compose.service(name);
            String dockerfile = s.path("build").path("dockerfile").asText();
            check(problems, name, "built from " + dockerfile, s.path("build").path("context").asText().equals(".")
                    && Repo.path(dockerfile).equals(Repo.dockerfile(name)) && Files.isRegularFile(Repo.dockerfile(name)));
            String health = s.path("healthcheck").path("test").toString();
            check(problems, name, "healthcheck on its /q/health/ready", health.contains(":" + service.httpPort() + "/q/health/ready"));
            JsonNode deps = s.path("depends_on");
            check(problems, name, "waits for a healthy postgres", deps.path("postgres").path("condition").asText().equals("service_healthy"));
            if (Repo.KAFKA_CLIENTS.contains(name)) {
                check(problems, name, "waits for a healthy kafka and the created topics",
                        deps.path("kafka").path("condition").asText().equals("service_healthy")
                                && deps.path("kafka-topics").path("condition").asText().equals("service_completed_successfully"));
            } else {
                check(problems, name, "does not wait for kafka, which it does not use", !deps.has("kafka") && !deps.has("kafka-topics"));
            }
            check(problems, name, "port " + service.httpPort() + " published", s.path("ports").toString()
                    .contains(service.httpPort() + ":" + service.httpPort()));
            Map<String, String> env = Compose.environment(name);
            check(problems, name, "OPENFACTOR_HTTP_PORT = its port", String.valueOf(service.httpPort()).equals(env.get("OPENFACTOR_HTTP_PORT")));
            check(problems, name, "its own database " + service.databaseName(), service.databaseName().equals(env.get("OPENFACTOR_DB_NAME")));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void postgresCreatesEveryServiceDatabaseBeforeReportingHealthy() {
        JsonNode postgres = Compose.service("postgres");
        assertTrue(postgres.path("volumes").toString().contains("./deploy/compose/init-databases.sh:/docker-entrypoint-initdb.d/"),
                postgres.path("volumes").toString());
        String init = Repo.read("deploy/compose/init-databases.sh");
        for (ServiceConfig service : ServiceConfig.all()) {
            assertTrue(init.contains("CREATE DATABASE " + service.databaseName() + " OWNER openfactor"), service.databaseName());
        }
        assertTrue(postgres.path("healthcheck").path("test").toString().contains("127.0.0.1"),
                "a socket check passes while the init script still runs");
    }

    @Test
    void kafkaIsHealthCheckedAndTopicsAreMadeByAOneShotContainer() {
        assertTrue(Compose.service("kafka").path("healthcheck").path("test").toString().contains("kafka-broker-api-versions"));
        JsonNode topics = Compose.service("kafka-topics");
        assertEquals("service_healthy", topics.path("depends_on").path("kafka").path("condition").asText());
        assertTrue(topics.path("volumes").toString().contains("./deploy/compose/create-topics.sh"));
    }

    @Test
    void composeUsesTheSandboxChannel() {
        Map<String, String> env = Compose.environment("notification-service");
        assertEquals("true", env.get(ServiceConfig.SANDBOX));
        // Compose runs the prod profile: without the explicit allowance the sandbox refuses to start.
        assertEquals("true", env.get(ServiceConfig.SANDBOX_ALLOW_IN_PROD));
        assertTrue(env.containsKey(ServiceConfig.ADMIN_TOKEN), "the sandbox answers only the admin token");
    }

    @Test
    void imagesCopyTheFastJarInLayersOntoAJreAsANonRootUser() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            String name = service.service();
            Dockerfiles d = Dockerfiles.of(name);
            List<String> from = d.all("FROM");
            check(problems, name, "one stage, on a Java 17 JRE", from.size() == 1 && from.get(0).contains("17") && from.get(0).contains("jre"));
            for (String part : List.of("lib/", "quarkus-run.jar", "app/", "quarkus/")) {
                check(problems, name, "its own COPY of " + part, d.all("COPY").stream()
                        .filter(c -> c.contains(name + "/target/quarkus-app/" + part)).count() == 1);
            }
            check(problems, name, "no build or package tools run", d.all("RUN").isEmpty());
            check(problems, name, "a numeric, non-root USER", d.uid().filter(uid -> uid != 0).isPresent());
            check(problems, name, "EXPOSE " + service.httpPort(), d.all("EXPOSE").contains("EXPOSE " + service.httpPort()));
            check(problems, name, "heap sized from the container limit", d.all("ENV").stream().anyMatch(e -> e.contains("-XX:MaxRAMPercentage=")));
            check(problems, name, "java as PID 1 (exec), running quarkus-run.jar", d.all("ENTRYPOINT").stream()
                    .anyMatch(e -> e.contains("exec java") && e.contains("/deployments/quarkus-run.jar")));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theBuildContextCarriesOnlyThePackagedServices() {
        List<String> rules = Repo.read(".dockerignore").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals("*", rules.get(0), "exclude everything first");
        for (String service : Repo.SERVICES) {
            assertTrue(rules.contains("!" + service + "/target/quarkus-app/"), service);
        }
    }

    private static void check(List<String> problems, String who, String rule, boolean ok) {
        if (!ok) {
            problems.add(who + ": " + rule);
        }
    }
}
