package dev.openfactor.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three services started as {@code ./openfactor up} starts them (packaged jars, local
 * profile), on their own ports and databases so a running {@code up} is not disturbed. The bench
 * points notification-service at the APNs stand-in; the system test leaves the sandbox on and
 * adds a second verification-service replica.
 */
final class BenchSystem implements AutoCloseable {

    static final int ENROLLMENT_PORT = 18081;
    static final int VERIFICATION_PORT = 18082;
    static final int NOTIFICATION_PORT = 18083;
    static final int VERIFICATION_REPLICA_PORT = 18084;
    static final int PROMPT_PORT = 18085;

    /** A service of the system proper: its port and the environment only it gets. */
    private record Core(String service, int port, Map<String, String> own) {
    }

    private static final List<Core> CORE = List.of(
            new Core("enrollment", ENROLLMENT_PORT,
                    Map.of("OPENFACTOR_ENROLLMENT_PUBLIC_BASE_URL", "http://127.0.0.1:" + ENROLLMENT_PORT)),
            new Core("verification", VERIFICATION_PORT, Map.of()),
            new Core("notification", NOTIFICATION_PORT, Map.of()));

    final String adminToken;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Map<String, Double> readySeconds = new LinkedHashMap<>();
    private final Path root;
    private final Map<String, String> common = new HashMap<>();
    private final Map<String, Map<String, String>> extraEnv = new HashMap<>();
    private final Path logs;

    private BenchSystem(Path root, String adminToken) {
        this.root = root;
        this.adminToken = adminToken;
        this.logs = root.resolve(".openfactor/bench/logs");
    }

    /**
     * Starts the services one after another, each once the machine is quiet again, so each one's
     * time to ready is its own.
     */
    static BenchSystem start(Path root, String kafka, Map<String, String> notificationEnv) {
        return startWithEnv(root, kafka, Map.of("notification", notificationEnv));
    }

    /**
     * As {@link #start(Path, String, Map)}, with extra environment per service ("enrollment",
     * "verification", "notification"); a replica started later gets its service's extra too.
     */
    static BenchSystem startWithEnv(Path root, String kafka, Map<String, Map<String, String>> extraEnv) {
        BenchSystem system = configured(root, kafka, extraEnv);
        try {
            for (Core core : CORE) {
                system.launch(core.service(), core.service(), core.port(), core.own());
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * Records the class-data archive of each service that has none for its build yet
     * ({@link ClassData}), as {@code ./openfactor up} does on its first start after a build: each
     * service started once, until ready, and stopped. They run on the bench's databases, which the
     * caller empties afterwards.
     */
    static void recordClassData(Path root, String kafka, Map<String, String> notificationEnv) {
        if (!ClassData.recordable()) {
            System.out.println("this JDK cannot record class data: the services start with app-cds.jsa");
            return;
        }
        BenchSystem recorder = configured(root, kafka, Map.of("notification", notificationEnv));
        for (Core core : CORE) {
            Path jar = recorder.jar(core.service());
            if (!ClassData.current(jar.toAbsolutePath().getParent())) {
                System.out.println("recording " + core.service() + "-service's class-data archive (once per build)");
                ServiceProcess.recordClassData(core.service(), jar, core.port(), recorder.env(core.service(), core.own()),
                        recorder.logs.resolve(core.service() + "-class-data.log"));
            }
        }
    }


    private static BenchSystem configured(Path root, String kafka, Map<String, Map<String, String>> extraEnv) {
        BenchSystem system = new BenchSystem(root, random(24));
        Map<String, String> common = system.common;
        common.put("QUARKUS_PROFILE", "local");
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("OPENFACTOR_KAFKA_GROUP_SUFFIX", "-bench-" + UUID.randomUUID());
        common.put("OPENFACTOR_ADMIN_TOKEN", system.adminToken);
        common.put("OPENFACTOR_CRYPTO_KEK_ACTIVE_KEY_ID", "b1");
        common.put("OPENFACTOR_CRYPTO_KEK_KEYS", "b1:" + random(32));
        common.put("OPENFACTOR_CRYPTO_DELIVERY_ACTIVE_KEY_ID", "b1");
        common.put("OPENFACTOR_CRYPTO_DELIVERY_KEYS", "b1:" + random(32));
        common.put("QUARKUS_LOG_LEVEL", "WARN");
        system.extraEnv.putAll(extraEnv);
        return system;
    }

    /** A second verification-service on the same database and broker, as a second pod would be. */
    ServiceProcess startVerificationReplica() {
        launch("verification-2", "verification", VERIFICATION_REPLICA_PORT, Map.of());
        return services.get("verification-2");
    }

    /** prompt-service in front of this system's enrollment and verification, as {@code up} starts it. */
    ServiceProcess startPrompt(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "OPENFACTOR_PROMPT_ISSUER", "http://127.0.0.1:" + PROMPT_PORT,
                "OPENFACTOR_PROMPT_ENROLLMENT_URL", enrollment().url(""),
                "OPENFACTOR_PROMPT_VERIFICATION_URL", verification().url(""),
                "OPENFACTOR_PROMPT_DATA_KEY", random(32)));
        env.putAll(extra);
        launch("prompt", "prompt", PROMPT_PORT, env);
        return services.get("prompt");
    }

    ServiceProcess prompt() {
        return services.get("prompt");
    }

    /** Stops one service, as an outage would. */
    void stop(String name) {
        ServiceProcess process = services.remove(name);
        if (process != null) {
            process.close();
        }
    }

    private void launch(String name, String service, int port, Map<String, String> own) {
        Map<String, String> env = env(service, own);
        Machine.awaitQuiet(Duration.ofSeconds(15));
        ServiceProcess process = ServiceProcess.start(name, jar(service), port, env, logs.resolve(name + ".log"));
        services.put(name, process);
        readySeconds.put(name, process.awaitReady(Duration.ofSeconds(120)));
    }

    private Map<String, String> env(String service, Map<String, String> own) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(own);
        env.putAll(extraEnv.getOrDefault(service, Map.of()));
        env.put("OPENFACTOR_DB_NAME", "openfactor_bench_" + service);
        return env;
    }

    private Path jar(String service) {
        return root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
    }

    ServiceProcess enrollment() {
        return services.get("enrollment");
    }

    ServiceProcess verification() {
        return services.get("verification");
    }

    ServiceProcess notification() {
        return services.get("notification");
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
