package dev.openfactor.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The three services started as {@code ./openfactor up} starts them (packaged jars, local
 * profile), on their own ports, databases and consumer groups so a running {@code up} is not
 * disturbed; notification-service delivers to the APNs stand-in instead of the sandbox.
 */
final class BenchSystem implements AutoCloseable {

    static final int ENROLLMENT_PORT = 18081;
    static final int VERIFICATION_PORT = 18082;
    static final int NOTIFICATION_PORT = 18083;

    final String adminToken;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Map<String, Double> readySeconds = new LinkedHashMap<>();

    private BenchSystem(String adminToken) {
        this.adminToken = adminToken;
    }

    static BenchSystem start(Path root, String kafka, ApnsStandIn apns) {
        BenchSystem system = new BenchSystem(random(24));
        Map<String, String> common = new HashMap<>();
        common.put("QUARKUS_PROFILE", "local");
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("OPENFACTOR_KAFKA_GROUP_SUFFIX", "-bench-" + UUID.randomUUID());
        common.put("OPENFACTOR_ADMIN_TOKEN", system.adminToken);
        common.put("OPENFACTOR_CRYPTO_KEK_ACTIVE_KEY_ID", "b1");
        common.put("OPENFACTOR_CRYPTO_KEK_KEYS", "b1:" + random(32));
        common.put("OPENFACTOR_CRYPTO_DELIVERY_ACTIVE_KEY_ID", "b1");
        common.put("OPENFACTOR_CRYPTO_DELIVERY_KEYS", "b1:" + random(32));
        common.put("QUARKUS_LOG_LEVEL", "WARN");
        Path logs = root.resolve(".openfactor/bench/logs");
        try {
            system.launch(root, "enrollment", ENROLLMENT_PORT, common, Map.of(
                    "OPENFACTOR_ENROLLMENT_PUBLIC_BASE_URL", "http://127.0.0.1:" + ENROLLMENT_PORT), logs);
            system.launch(root, "verification", VERIFICATION_PORT, common, Map.of(), logs);
            system.launch(root, "notification", NOTIFICATION_PORT, common, NotificationToStandIn.env(apns), logs);
            system.services.forEach((name, process) -> system.readySeconds.put(name, process.awaitReady(Duration.ofSeconds(120))));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void launch(Path root, String name, int port, Map<String, String> common, Map<String, String> own, Path logs) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(own);
        env.put("OPENFACTOR_DB_NAME", "openfactor_bench_" + name);
        services.put(name, ServiceProcess.start(name, root.resolve(name + "-service/target/quarkus-app/quarkus-run.jar"),
                port, env, logs.resolve(name + ".log")));
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
