package dev.openfactor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hosted pages as a person meets them, in headless Chromium: the whole system as {@code ./openfactor up}
 * runs it (four services, the authenticator web app, the Contoso mail demo registered as a code-flow client),
 * and demo/test/browser walking the help-desk journeys from the demo's sign-in to being signed in.
 */
class PromptPagesTest {

    private static final int DEMO_PORT = 18086;
    private static final String DEMO_URL = "http://127.0.0.1:" + DEMO_PORT;
    private static final String PROMPT_URL = "http://127.0.0.1:" + BenchSystem.PROMPT_PORT;
    private static final List<String> DEMO_USERS = List.of("adele@contoso.example", "alex@contoso.example", "megan@contoso.example");

    private static BenchBroker broker;
    private static BenchSystem system;
    private static NodeProcess appServer;
    private static NodeProcess demo;
    private static String apiKey;

    @BeforeAll
    static void startEverything() throws Exception {
        AuthenticatorAppTest.requireNodeModules();
        BenchDatabases.empty();
        broker = BenchBroker.start(ServiceProcess.root());
        Map<String, Map<String, String>> env = new HashMap<>(AuthenticatorAppTest.servicesForTheApp());
        Map<String, String> verification = new HashMap<>(env.get("verification"));
        // The journeys start pushes for Adele faster than a person would (eight in a minute); the limit
        // itself (3 a minute by default) is verification-service's own test.
        verification.put("OPENFACTOR_VERIFICATION_PUSH_RATE_LIMIT", "20");
        env.put("verification", verification);
        system = BenchSystem.startWithEnv(ServiceProcess.root(), broker.bootstrapServers(), env);
        system.startPrompt(Map.of("OPENFACTOR_PROMPT_AUTHENTICATOR_URL", AuthenticatorAppTest.APP_ORIGIN + "/"));
        appServer = AuthenticatorAppTest.serveApp();

        Fixtures contoso = Fixtures.newTenant(system, "contoso", "Contoso");
        apiKey = contoso.apiKey;
        for (String user : DEMO_USERS) {
            Json.call("PUT", system.enrollment().url("/v1/users/" + user + "/mfa-requirement"), apiKey, Map.of("required", true)).expect(200);
        }
        Path key = ServiceProcess.root().resolve("bench/target/demo/key.pem");
        Files.deleteIfExists(key);
        String jwks = NodeProcess.run(demoDir(), List.of("server.mjs", "--print-jwks", "--key", key.toString()), Map.of(),
                Duration.ofSeconds(30), "demo");
        Map<String, Object> client = new HashMap<>();
        client.put("tenantId", contoso.tenantId);
        client.put("tenantApiKey", apiKey);
        client.put("displayName", "Contoso");
        client.put("applicationName", "Contoso mail");
        client.put("profile", "code");
        client.put("redirectUris", List.of(DEMO_URL + "/callback"));
        client.put("relyingParty", Map.of("jwks", new ObjectMapper().readValue(jwks, Map.class)));
        Json.call("PUT", PROMPT_URL + "/admin/v1/clients/contoso-mail", system.adminToken, client).expect(201);
        demo = NodeProcess.serve(demoDir(), List.of("server.mjs", "--port", Integer.toString(DEMO_PORT), "--public-url", DEMO_URL,
                "--issuer", PROMPT_URL, "--client-id", "contoso-mail", "--key", key.toString(), "--users", "users.json"), Map.of(),
                ServiceProcess.root().resolve(".openfactor/bench/logs/demo.log"), DEMO_URL + "/healthz");
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {demo, appServer, system, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping is best effort; the next run starts from empty databases
            }
        }
    }

    @Test
    void theHelpDeskJourneysWorkInABrowser() throws Exception {
        Path screenshots = ServiceProcess.root().resolve("bench/target/screenshots/prompt");
        Files.createDirectories(screenshots);
        NodeProcess.test(demoDir(), List.of("test/"), Map.of(
                "DEMO_URL", DEMO_URL,
                "PROMPT_URL", PROMPT_URL,
                "AUTHENTICATOR_URL", AuthenticatorAppTest.APP_ORIGIN + "/",
                "OPENFACTOR_ENROLLMENT_URL", system.enrollment().url(""),
                "OPENFACTOR_VERIFICATION_URL", system.verification().url(""),
                "OPENFACTOR_NOTIFICATION_URL", system.notification().url(""),
                "OPENFACTOR_ADMIN_TOKEN", system.adminToken,
                "DEMO_TENANT_API_KEY", apiKey,
                "SCREENSHOT_DIR", screenshots.toString()), Duration.ofMinutes(10), "demo");
    }

    private static Path demoDir() {
        return ServiceProcess.root().resolve("demo");
    }
}
