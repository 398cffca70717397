package dev.openfactor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    private static final int APP_PORT = 18090;
    private static final String APP_ORIGIN = "http://127.0.0.1:" + APP_PORT;
    private static final Duration NODE_TESTS_TIMEOUT = Duration.ofMinutes(10);
    /** A public P-256 point (enrollment-service's %test key); no push is ever signed with it here. */
    private static final String VAPID_PUBLIC_KEY =
            "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5aI";

    private static BenchBroker broker;
    private static BenchSystem system;
    private static Process appServer;

    @BeforeAll
    static void startSystemAndApp() throws Exception {
        Path app = authenticatorDir();
        if (!Files.isDirectory(app.resolve("node_modules/playwright-core")) || !Files.isRegularFile(app.resolve("app/vendor/jsqr.mjs"))) {
            throw new IllegalStateException(app.resolve("node_modules") + " is missing: run ./openfactor test, which runs npm ci in authenticator/");
        }
        BenchDatabases.empty();
        broker = BenchBroker.start(ServiceProcess.root());
        String enrollmentUrl = "http://127.0.0.1:" + BenchSystem.ENROLLMENT_PORT;
        String verificationUrl = "http://127.0.0.1:" + BenchSystem.VERIFICATION_PORT;
        system = BenchSystem.startWithEnv(ServiceProcess.root(), broker.bootstrapServers(), Map.of(
                "enrollment", Map.of(
                        "OPENFACTOR_CORS_APP_ORIGINS", APP_ORIGIN,
                        "OPENFACTOR_ENROLLMENT_VERIFICATION_PUBLIC_URL", verificationUrl,
                        "OPENFACTOR_ENROLLMENT_PUBLIC_BASE_URL", enrollmentUrl,
                        // The app then tries Web Push, which cannot subscribe here: it must go on by polling.
                        "OPENFACTOR_WEBPUSH_VAPID_PUBLIC_KEY", VAPID_PUBLIC_KEY),
                "verification", Map.of("OPENFACTOR_CORS_APP_ORIGINS", APP_ORIGIN)));
        Path log = ServiceProcess.root().resolve(".openfactor/bench/logs/authenticator-serve.log");
        Files.createDirectories(log.getParent());
        appServer = new ProcessBuilder("node", "serve.mjs", "--port", Integer.toString(APP_PORT),
                "--connect-src", enrollmentUrl + " " + verificationUrl)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        awaitApp(log);
    }

    @AfterAll
    static void stopAll() {
        if (appServer != null) {
            appServer.destroy();
            try {
                if (!appServer.waitFor(10, TimeUnit.SECONDS)) {
                    appServer.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        ProcessBuilder builder = new ProcessBuilder("node", "--test", "test/")
                .directory(app.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "OPENFACTOR_ENROLLMENT_URL", system.enrollment().url(""),
                "OPENFACTOR_VERIFICATION_URL", system.verification().url(""),
                "OPENFACTOR_NOTIFICATION_URL", system.notification().url(""),
                "OPENFACTOR_ADMIN_TOKEN", system.adminToken,
                "AUTHENTICATOR_URL", APP_ORIGIN + "/",
                "SCREENSHOT_DIR", screenshots.toString()));
        Process node = builder.start();
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null;) {
                    System.out.println("[authenticator] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "authenticator-tests-output");
        pump.start();
        boolean ended = node.waitFor(NODE_TESTS_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            node.descendants().forEach(ProcessHandle::destroy);
            node.destroyForcibly();
        }
        pump.join(5000);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        assertTrue(ended, "node --test did not end within " + NODE_TESTS_TIMEOUT + ":\n" + text);
        assertEquals(0, node.exitValue(), "node --test test/ failed:\n" + text);
        assertTrue(text.contains("# fail 0"), "node reported its tests:\n" + text);
    }

    private static Path authenticatorDir() {
        return ServiceProcess.root().resolve("authenticator");
    }

    private static void awaitApp(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest index = HttpRequest.newBuilder(URI.create(APP_ORIGIN + "/")).timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!appServer.isAlive()) {
                throw new IllegalStateException("serve.mjs exited with " + appServer.exitValue() + ": "
                        + String.join("\n", readLines(log)));
            }
            try {
                if (http.send(index, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            ServiceProcess.pause(100);
        }
        throw new IllegalStateException("serve.mjs did not answer on " + APP_ORIGIN + " within 20 s");
    }

    private static List<String> readLines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of();
        }
    }
}
