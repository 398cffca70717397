package dev.openfactor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads from its environment, learnt from its sources rather than restated here:
 * the {@code ${VARIABLE}} references in application.properties, the key rings and admin token its
 * code uses, and every key its (and the platform's) config interfaces declare.
 */
record ServiceConfig(String service) {

    static final List<String> KEK = List.of("OPENFACTOR_CRYPTO_KEK_ACTIVE_KEY_ID", "OPENFACTOR_CRYPTO_KEK_KEYS");
    static final List<String> DELIVERY = List.of("OPENFACTOR_CRYPTO_DELIVERY_ACTIVE_KEY_ID", "OPENFACTOR_CRYPTO_DELIVERY_KEYS");
    static final String ADMIN_TOKEN = "OPENFACTOR_ADMIN_TOKEN";
    static final String SANDBOX = "OPENFACTOR_NOTIFICATION_SANDBOX_ENABLED";
    static final String SANDBOX_ALLOW_IN_PROD = "OPENFACTOR_NOTIFICATION_SANDBOX_ALLOW_IN_PROD";
    /** Quarkus' own key: the pod's grace period is sized against it, so every deployment sets it. */
    static final String SHUTDOWN_TIMEOUT = "QUARKUS_SHUTDOWN_TIMEOUT";

    /** Settings whose default is no answer for a deployment: each one must say which it wants. */
    private static final Map<String, List<String>> DELIBERATE = Map.of(
            "notification-service", List.of(SANDBOX));

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%(\\w+)\\.");

    static List<ServiceConfig> all() {
        return Repo.SERVICES.stream().map(ServiceConfig::new).toList();
    }

    String properties() {
        return Repo.read(service + "/src/main/resources/application.properties");
    }

    int httpPort() {
        return Integer.parseInt(propertyDefault("OPENFACTOR_HTTP_PORT"));
    }

    String databaseName() {
        return propertyDefault("OPENFACTOR_DB_NAME");
    }

    /** Variables application.properties reads outside test-only and local-only profiles. */
    Set<String> propertyVariables() {
        Set<String> names = new TreeSet<>();
        for (String line : properties().split("\n")) {
            Matcher profile = PROFILE_PREFIX.matcher(line);
            if (line.startsWith("#") || (profile.find() && !profile.group(1).equals("prod"))) {
                continue;
            }
            Matcher m = ENV_REFERENCE.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Everything a production deployment of this service must set. */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>(propertyVariables());
        names.addAll(unsetMappingVariables());
        if (usesKeyEncryptionRing()) {
            names.addAll(KEK);
        }
        if (usesDeliveryRing()) {
            names.addAll(DELIVERY);
        }
        if (servesAdminApi()) {
            names.add(ADMIN_TOKEN);
        }
        names.add(SHUTDOWN_TIMEOUT);
        names.addAll(DELIBERATE.getOrDefault(service, List.of()));
        return names;
    }

    boolean usesKeyEncryptionRing() {
        return sourcesContain("KeyRings.KEY_ENCRYPTION");
    }

    boolean usesDeliveryRing() {
        return sourcesContain("KeyRings.DELIVERY");
    }

    boolean servesAdminApi() {
        return sourcesContain("@Path(\"/admin/");
    }

    /** A resource outside /admin that the admin token opens: notification-service's sandbox. */
    boolean guardsSandboxWithAdminToken() {
        return sourcesContain("@AdminTokenRequired");
    }

    /**
     * Keys of the service's own config mappings that have no default and that application.properties
     * leaves unset outside test profiles, as environment names: the secrets it expects from the
     * environment (prompt-service's OPENFACTOR_PROMPT_DATA_KEY, say).
     */
    Set<String> unsetMappingVariables() {
        Set<String> assigned = new TreeSet<>();
        for (String line : properties().split("\n")) {
            Matcher profile = PROFILE_PREFIX.matcher(line);
            if (line.startsWith("#") || !line.contains("=") || (profile.find() && !profile.group(1).equals("prod"))) {
                continue;
            }
            assigned.add(line.substring(0, line.indexOf('=')).trim().replaceFirst("^%prod\\.", ""));
        }
        Set<String> names = new TreeSet<>();
        ConfigKeys.requiredUnder(Repo.path(service + "/src/main/java")).stream().filter(k -> !assigned.contains(k))
                .forEach(k -> names.add(ConfigKeys.environmentName(k)));
        return names;
    }

    /** Environment names of every key the service or the platform declares, plus application.properties' own. */
    Set<String> knownVariables() {
        Set<String> keys = new TreeSet<>(ConfigKeys.declaredUnder(Repo.path("platform/src/main/java")));
        keys.addAll(ConfigKeys.declaredUnder(Repo.path(service + "/src/main/java")));
        Set<String> names = new TreeSet<>(propertyVariables());
        keys.forEach(k -> names.add(ConfigKeys.environmentName(k)));
        return names;
    }

    private String propertyDefault(String variable) {
        Matcher m = Pattern.compile("\\$\\{" + variable + ":([^}]+)}").matcher(properties());
        if (!m.find()) {
            throw new AssertionError(service + "'s application.properties no longer reads " + variable);
        }
        return m.group(1);
    }

    private boolean sourcesContain(String fragment) {
        try (Stream<Path> files = Files.walk(Repo.path(service + "/src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> read(p).contains(fragment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
