package dev.openfactor.prompt;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.openfactor.prompt.store.PromptStore;
import dev.openfactor.prompt.testing.Admin;
import dev.openfactor.prompt.testing.FakeEntra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Spoiled input on every door a browser or relying party can knock on, sent in parallel with a fixed seed:
 * nothing answers 5xx, nothing shows internals, a cross-site form post with the right token is refused.
 */
@QuarkusTest
class HostileInputTest {

    private static final List<String> SPOILERS = List.of("", " ", "null", "%00", "\u0000", "'\"<script>alert(1)</script>",
            "a".repeat(10_000), "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.", "eyJ.eyJ.sig", "..", "{\"a\":", "../../etc/passwd",
            "%E0%A4%A", "\uD800", "id_token", "-1", "9".repeat(40));
    private static final List<String> PARAMETERS = List.of("client_id", "request", "response_type", "response_mode", "redirect_uri",
            "scope", "nonce", "state", "claims", "id_token_hint", "code_challenge", "code_challenge_method", "login_hint");

    @Inject
    PromptStore prompts;

    private String clientId;
    private FakeEntra entra;

    @BeforeEach
    void registerClient() {
        Admin.Registered registered = Admin.registerEntraClient();
        clientId = registered.clientId();
        entra = registered.entra();
    }

    @Test
    void spoiledRequestsInParallelGetRefusalsNeverAServerError() throws Exception {
        Random random = new Random(20261205L);
        List<Runnable> attacks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String name = PARAMETERS.get(random.nextInt(PARAMETERS.size()));
            String value = SPOILERS.get(random.nextInt(SPOILERS.size()));
            String client = random.nextBoolean() ? clientId : value;
            switch (i % 5) {
                case 0 -> attacks.add(() -> check(given().redirects().follow(false).queryParam("client_id", client)
                        .queryParam(name, value).get("/authorize")));
                case 1 -> attacks.add(() -> check(given().redirects().follow(false).contentType(ContentType.URLENC)
                        .formParam("client_id", client).formParam(name, value).post("/authorize")));
                case 2 -> attacks.add(() -> check(given().redirects().follow(false).contentType(ContentType.URLENC)
                        .formParam("grant_type", random.nextBoolean() ? "authorization_code" : value).formParam("code", value)
                        .formParam("client_id", client).formParam("code_verifier", value).post("/token")));
                case 3 -> attacks.add(() -> check(given().redirects().follow(false).cookie("openfactor_browser", value)
                        .contentType(ContentType.URLENC).formParam("csrf", value).formParam("code", value)
                        .post("/prompt/" + UUID.randomUUID() + "/code")));
                default -> attacks.add(() -> check(given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON)
                        .body("{\"profile\":\"" + value.replace("\"", "") + "\",\"redirectUris\":[" + value.length() + "]}")
                        .put("/admin/v1/clients/" + (random.nextBoolean() ? "x" : UUID.randomUUID()))));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            attacks.forEach(a -> running.add(pool.submit(a)));
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFormPostFromAnotherSiteIsRefusedEvenWithTheRightToken() {
        Response started = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(FakeEntra.authorizeParams(clientId, entra.hint("s", "dave@contoso.example"))).post("/authorize");
        String cookie = started.getCookie("openfactor_browser");
        String prompt = started.header("Location");
        // The token the prompt's pages carry (read here from the store: rendering a page needs the other services).
        String csrf = prompts.find(prompt.substring(prompt.lastIndexOf('/') + 1)).orElseThrow().csrfToken();
        // Cancel is the one page action that needs no other service: it answers access_denied.
        given().redirects().follow(false).cookie("openfactor_browser", cookie).header("Origin", "https://evil.example")
                .contentType(ContentType.URLENC).formParam("csrf", csrf).post(prompt + "/cancel").then().statusCode(403);
        given().redirects().follow(false).cookie("openfactor_browser", cookie).header("Origin", "null")
                .contentType(ContentType.URLENC).formParam("csrf", csrf).post(prompt + "/cancel").then().statusCode(403);
        Response same = given().redirects().follow(false).cookie("openfactor_browser", cookie)
                .header("Origin", "https://mfa-login.contoso.example").contentType(ContentType.URLENC).formParam("csrf", csrf)
                .post(prompt + "/cancel");
        assertEquals(200, same.statusCode(), same.body().asString());
        assertTrue(same.body().asString().contains("access_denied"));
    }

    private static void check(Response r) {
        String body = r.body().asString();
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + body);
        for (String internal : List.of("Exception", "at dev.openfactor", "org.jboss", "SQL", "PSQL")) {
            assertFalse(body.contains(internal), internal + " in " + body);
        }
    }
}
