package dev.openfactor.prompt;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.openfactor.prompt.testing.Admin;
import dev.openfactor.prompt.testing.FakeEntra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The authorize endpoint as Entra ID calls it, attacked: every refusal happens before a prompt exists, so
 * no push can be started for anyone. (Completing prompts needs the other services: bench's PromptFlowTest.)
 */
@QuarkusTest
class AuthorizeRefusalTest {

    private FakeEntra entra;
    private String clientId;

    @BeforeEach
    void registerClient() {
        Admin.Registered registered = Admin.registerEntraClient();
        clientId = registered.clientId();
        entra = registered.entra();
    }

    @Test
    void aValidHintStartsAPromptBoundToThisBrowser() {
        Response r = authorize(params(entra.hint("sub-1", "alice@contoso.example")));
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").contains("/prompt/"), r.header("Location"));
        String cookie = r.header("Set-Cookie");
        assertTrue(cookie.startsWith("openfactor_browser="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"), cookie);
        // The same prompt from a browser without that cookie is refused.
        given().redirects().follow(false).get(r.header("Location")).then().statusCode(410);
    }

    @Test
    void aHintIssuedAlreadyExpiredIsAcceptedWhenFresh() {
        Instant now = Instant.now();
        String hint = entra.sign(new JWTClaimsSet.Builder().issuer(entra.issuer).audience(entra.audience).subject("s")
                .claim("preferred_username", "bob@contoso.example").issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.minusSeconds(4))).build());
        assertEquals(303, authorize(params(hint)).statusCode());
    }

    @Test
    void aForgedHintIsRefused() {
        FakeEntra impostor = new FakeEntra(entra.issuer, entra.audience);
        refusedToRelyingParty(params(impostor.hint("sub-1", "alice@contoso.example")), "not validly signed");
    }

    @Test
    void unsignedAndSymmetricHintsAreRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(entra.issuer).audience(entra.audience).subject("s")
                .claim("preferred_username", "alice@contoso.example").issueTime(new Date()).build();
        refusedToRelyingParty(params(new PlainJWT(new PlainHeader(), claims).serialize()), "not validly signed");
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner(new byte[32]));
        refusedToRelyingParty(params(hmac.serialize()), "not validly signed");
    }

    @Test
    void aHintForAnotherAudienceIsRefused() {
        FakeEntra other = new FakeEntra(entra.issuer, "someone-else");
        Admin.put(clientId, Admin.entraClient(entra));
        String hint = entra.sign(new JWTClaimsSet.Builder().issuer(entra.issuer).audience(other.audience).subject("s")
                .claim("preferred_username", "alice@contoso.example").issueTime(new Date()).build());
        refusedToRelyingParty(params(hint), "another audience");
    }

    @Test
    void aStaleHintIsRefused() {
        refusedToRelyingParty(params(entra.hint("s", "alice@contoso.example", Instant.now().minus(Duration.ofMinutes(11)))), "too old");
        refusedToRelyingParty(params(entra.hint("s", "alice@contoso.example", Instant.now().plus(Duration.ofMinutes(5)))), "too old");
    }

    @Test
    void aHintFromAnotherIssuerIsRefused() {
        String hint = entra.sign(new JWTClaimsSet.Builder().issuer("https://evil.example/v2.0").audience(entra.audience).subject("s")
                .claim("preferred_username", "alice@contoso.example").issueTime(new Date()).build());
        refusedToRelyingParty(params(hint), "wrong issuer");
    }

    @Test
    void anUnregisteredRedirectUriGetsOurOwnPageNotARedirect() {
        Map<String, String> p = params(entra.hint("s", "alice@contoso.example"));
        for (String evil : List.of("https://evil.example/cb", Admin.ENTRA_REDIRECT + "/", Admin.ENTRA_REDIRECT + "?x=1",
                Admin.ENTRA_REDIRECT.toUpperCase())) {
            p.put("redirect_uri", evil);
            authorize(p).then().statusCode(400).header("Location", org.hamcrest.Matchers.nullValue())
                    .body(not(containsString("action=\"" + evil)));
        }
    }

    @Test
    void anUnknownClientOrARepeatedParameterIsRefusedOnOurPage() {
        Map<String, String> p = params(entra.hint("s", "alice@contoso.example"));
        p.put("client_id", "nobody");
        authorize(p).then().statusCode(400).body(containsString("not registered"));
        given().redirects().follow(false).formParam("client_id", clientId).formParam("client_id", clientId)
                .post("/authorize").then().statusCode(400);
    }

    @Test
    void aReplayedStateIsRefusedEvenInParallel() throws Exception {
        Map<String, String> p = params(entra.hint("s", "alice@contoso.example"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> authorize(p).statusCode()));
            }
            int started = 0;
            for (Future<Integer> t : tries) {
                started += t.get() == 303 ? 1 : 0;
            }
            assertEquals(1, started, "one prompt per state");
        } finally {
            pool.shutdownNow();
        }
        refusedToRelyingParty(p, "already used");
    }

    @Test
    void wrongResponseTypeModeScopeOrMissingNonceAreRefused() {
        for (String[] change : new String[][] {{"response_type", "code"}, {"response_mode", "query"}, {"scope", "profile"},
                {"nonce", ""}, {"claims", "{\"id_token\":{\"acr\":{\"values\":[\"knowledge\"]}}}"}, {"claims", "not json"}}) {
            Map<String, String> p = params(entra.hint("s", "alice@contoso.example"));
            p.put(change[0], change[1]);
            refusedToRelyingParty(p, "");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndCancelAnswersAccessDenied() {
        Response started = authorize(params(entra.hint("s", "carol@contoso.example")));
        String cookie = started.getCookie("openfactor_browser");
        String prompt = started.header("Location");
        given().redirects().follow(false).cookie("openfactor_browser", cookie).formParam("csrf", "forged")
                .post(prompt + "/cancel").then().statusCode(403);
        given().redirects().follow(false).cookie("openfactor_browser", cookie)
                .post(prompt + "/cancel").then().statusCode(403);
    }

    @Test
    void theAdminApiNeedsTheTokenAndRejectsPrivateKeysAndLooseRedirects() {
        given().contentType("application/json").body(Admin.entraClient(entra)).put("/admin/v1/clients/x").then().statusCode(401);
        given().auth().oauth2("wrong").contentType("application/json").body(Admin.entraClient(entra)).put("/admin/v1/clients/x")
                .then().statusCode(401);
        Map<String, Object> body = new HashMap<>(Admin.entraClient(entra));
        body.put("relyingParty", Map.of("issuer", "i", "audience", "a",
                "jwks", new com.nimbusds.jose.jwk.JWKSet(FakeEntra.newKey()).toJSONObject(false)));
        body.put("redirectUris", List.of("http://evil.example/cb", "https://ok.example/cb#frag"));
        given().auth().oauth2(Admin.TOKEN).contentType("application/json").body(body).put("/admin/v1/clients/x").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("validation_failed"))
                .body("fields.redirectUris", startsWith("absolute https"))
                .body("fields.'relyingParty.jwks'", containsString("public keys"));
        given().auth().oauth2(Admin.TOKEN).get("/admin/v1/clients/" + clientId).then().statusCode(200)
                .body(not(containsString("of_test_key_never_used_here")));
    }

    private void refusedToRelyingParty(Map<String, String> p, String why) {
        Response r = authorize(p);
        assertEquals(200, r.statusCode(), r.asString());
        String body = r.asString();
        assertTrue(body.contains("action=\"" + Admin.ENTRA_REDIRECT + "\""), body);
        assertTrue(body.contains("name=\"error\" value=\"invalid_request\""), body);
        assertTrue(body.contains(why), "says why: " + why + " in " + body);
        assertTrue(!body.contains("id_token\" value"), "no id_token");
        assertTrue(r.header("Content-Security-Policy").contains("form-action 'self' https://login.microsoftonline.com"));
    }

    private Map<String, String> params(String hint) {
        return FakeEntra.authorizeParams(clientId, hint);
    }

    private static Response authorize(Map<String, String> p) {
        return given().redirects().follow(false).formParams(p).post("/authorize");
    }
}
