package dev.openfactor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenFactor Authenticator (the web app in authenticator/) against the whole system as
 * {@code ./openfactor up} runs it: the services from their packaged jars with CORS open to the
 * app's origin, the app from its own static server with the production headers, and the app's
 * node tests (unit, then headless Chromium through playwright-core) driving it.
 */
class AuthenticatorAppTest {

    static final int APP_PORT = 18090;
    static final String APP_ORIGIN = "http://127.0.0.1:" + APP_PORT;
    private static final String ENROLLMENT_URL = "http://127.0.0.1:" + BenchSystem.ENROLLMENT_PORT;
    private static final String VERIFICATION_URL = "http://127.0.0.1:" + BenchSystem.VERIFICATION_PORT;
    private static final Duration NODE_TESTS_TIMEOUT = Duration.ofMinutes(10);
    /** A public P-256 point (enrollment-service's %test key); no push is ever signed with it here. */
    private static final String VAPID_PUBLIC_KEY =
            "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5aI";

    private static BenchBroker broker;
    private static BenchSystem system;
    private static NodeProcess appServer;

    @BeforeAll
    static void startSystemAndApp() throws Exception {
        requireNodeModules();
        BenchDatabases.empty();
        broker = BenchBroker.start(ServiceProcess.root());
        // The app then tries Web Push, which cannot subscribe here: it must go on by polling.
        system = BenchSystem.startWithEnv(ServiceProcess.root(), broker.bootstrapServers(), servicesForTheApp());
        appServer = serveApp();
    }

    static void requireNodeModules() {
        Path app = authenticatorDir();
        if (!Files.isDirectory(app.resolve("node_modules/playwright-core")) || !Files.isRegularFile(app.resolve("app/vendor/jsqr.mjs"))) {
            throw new IllegalStateException(app.resolve("node_modules") + " is missing: run ./openfactor test, which runs npm ci in authenticator/");
        }
    }

    /** The services' extra environment for the app: CORS open to its origin, public URLs it is given on activation. */
    static Map<String, Map<String, String>> servicesForTheApp() {
        return Map.of(
                "enrollment", Map.of(
                        "OPENFACTOR_CORS_APP_ORIGINS", APP_ORIGIN,
                        "OPENFACTOR_ENROLLMENT_VERIFICATION_PUBLIC_URL", VERIFICATION_URL,
                        "OPENFACTOR_ENROLLMENT_PUBLIC_BASE_URL", ENROLLMENT_URL,
                        "OPENFACTOR_WEBPUSH_VAPID_PUBLIC_KEY", VAPID_PUBLIC_KEY),
                "verification", Map.of("OPENFACTOR_CORS_APP_ORIGINS", APP_ORIGIN));
    }

    /** The web app from its own static server with the production headers, as {@code up} serves it. */
    static NodeProcess serveApp() throws Exception {
        return NodeProcess.serve(authenticatorDir(), List.of("serve.mjs", "--port", Integer.toString(APP_PORT), "--connect-src",
                ENROLLMENT_URL + " " + VERIFICATION_URL),
                Map.of(), ServiceProcess.root().resolve(".openfactor/bench/logs/authenticator-serve.log"), APP_ORIGIN + "/");
    }

    @AfterAll
    static void stopAll() {
        if (appServer != null) {
            appServer.close();
        }
        if (system != null) {
            system.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theAppsUnitAndBrowserTestsPassAgainstTheRunningSystem() throws Exception {
        Path app = authenticatorDir();
        Path screenshots = ServiceProcess.root().resolve("bench/target/screenshots");
        Files.createDirectories(screenshots);
        Map<String, String> env = Map.of(
                "OPENFACTOR_ENROLLMENT_URL", system.enrollment().url(""),
                "OPENFACTOR_VERIFICATION_URL", system.verification().url(""),
                "OPENFACTOR_NOTIFICATION_URL", system.notification().url(""),
                "OPENFACTOR_ADMIN_TOKEN", system.adminToken,
                "AUTHENTICATOR_URL", APP_ORIGIN + "/",
                "SCREENSHOT_DIR", screenshots.toString());
        NodeProcess.test(app, List.of("test/"), env, NODE_TESTS_TIMEOUT, "authenticator");
    }

    static Path authenticatorDir() {
        return ServiceProcess.root().resolve("authenticator");
    }
}
