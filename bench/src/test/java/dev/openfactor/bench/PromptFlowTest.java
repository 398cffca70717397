package dev.openfactor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * prompt-service as relying parties meet it, against the real enrollment and verification services: the
 * test plays Microsoft Entra ID (expired id_token_hint in, id_token form_post out) and a web app (signed
 * request object, PKCE, private_key_jwt), walks the pages as a browser without a screen, and approves
 * pushes with a real device key. Verifies every id_token against the discovery's JWKS and its x5c.
 */
class PromptFlowTest {

    private static final String ENTRA_REDIRECT = "https://login.microsoftonline.com/common/federation/externalauthprovider";
    private static final String APP_REDIRECT = "http://127.0.0.1:18199/callback";

    private static BenchBroker broker;
    private static BenchSystem system;
    private static ServiceProcess prompt;
    private static Fixtures tenant;
    private static Challenges challenges;
    private static String issuer;
    private static final RelyingParty entra = new RelyingParty();
    private static final RelyingParty webApp = new RelyingParty();
    private static final String ENTRA_ISSUER = "https://login.microsoftonline.com/" + UUID.randomUUID() + "/v2.0";
    private static final String ENTRA_AUDIENCE = "eam-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        BenchDatabases.empty();
        broker = BenchBroker.start(ServiceProcess.root());
        system = BenchSystem.startWithEnv(ServiceProcess.root(), broker.bootstrapServers(), Map.of());
        prompt = system.startPrompt(Map.of());
        issuer = prompt.url("");
        tenant = Fixtures.newTenant(system);
        challenges = new Challenges(system.verification(), tenant.apiKey);
        register("entra", Map.of("profile", "entra_eam", "redirectUris", List.of(ENTRA_REDIRECT), "userClaim", "preferred_username",
                "relyingParty", Map.of("issuer", ENTRA_ISSUER, "audience", ENTRA_AUDIENCE, "jwks", entra.publicJwks())));
        register("webapp", Map.of("profile", "code", "redirectUris", List.of(APP_REDIRECT),
                "relyingParty", Map.of("jwks", webApp.publicJwks()), "clientSecret", "s3cret-s3cret-s3cret-s3cret-s3cret-42"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void entraSignInWithTheAppCodeAnswersASignedIdToken() throws Exception {
        Fixtures.TotpUser user = tenant.totpUsers(1).get(0);
        challenges.awaitProjection(user.userId(), Duration.ofSeconds(30));
        PageWalker browser = new PageWalker(issuer);
        String nonce = UUID.randomUUID().toString();
        String state = UUID.randomUUID().toString();
        Map<String, String> request = entraRequest(user.userId(), nonce, state);
        PageWalker.Page started = browser.post("/authorize", request);
        assertEquals(303, started.status(), started.body());
        PageWalker.Page codePage = browser.get(started.location());
        assertTrue(codePage.body().contains("Enter the code displayed in the OpenFactor Authenticator app"), codePage.body());

        PageWalker.Page wrong = browser.post(started.location() + "/code", Map.of("csrf", codePage.hidden("csrf"), "code", "000000"));
        assertTrue(wrong.body().contains("That code didn't work"), wrong.body());

        String code = Totp.code(user.secret(), Totp.step(Instant.now().getEpochSecond()));
        PageWalker.Page answer = browser.post(started.location() + "/code", Map.of("csrf", codePage.hidden("csrf"), "code", code));
        assertEquals(ENTRA_REDIRECT, answer.formAction("answer"));
        Map<String, String> fields = answer.answerFields();
        assertEquals(state, fields.get("state"));
        JWTClaimsSet idToken = RelyingParty.verify(fields.get("id_token"), jwks());
        assertEquals(issuer, idToken.getIssuer());
        assertEquals(List.of("entra"), idToken.getAudience());
        assertEquals("sub-" + user.userId(), idToken.getSubject());
        assertEquals(nonce, idToken.getStringClaim("nonce"));
        assertEquals("possessionorinherence", idToken.getStringClaim("acr"));
        assertEquals(List.of("otp"), idToken.getStringListClaim("amr"));
        assertEquals("tenant-guid", idToken.getStringClaim("tid"));
        assertTrue(idToken.getExpirationTime().after(new Date()));

        // The prompt answered once: its pages are gone, and the same request (same state) is refused.
        assertEquals(410, browser.get(started.location()).status());
        PageWalker.Page replay = new PageWalker(issuer).post("/authorize", request);
        assertEquals("invalid_request", replay.answerFields().get("error"), replay.body());
    }

    @Test
    void entraSignInByPushWithNumberMatching() throws Exception {
        Fixtures.AppUser user = tenant.appUsers(1, false).get(0);
        challenges.awaitProjection(user.userId(), Duration.ofSeconds(30));
        PageWalker browser = new PageWalker(issuer);
        PageWalker.Page started = browser.post("/authorize", entraRequest(user.userId(), "n1", UUID.randomUUID().toString()));
        PageWalker.Page push = browser.get(started.location());
        assertTrue(push.body().contains("Approve sign-in request"), push.body());
        String number = push.number();

        respond(user, Map.of("decision", "approve", "numberMatch", number));
        assertEquals("approved", Json.MAPPER.readTree(browser.get(started.location() + "/status").body()).get("status").asText());
        PageWalker.Page answer = browser.post(started.location() + "/continue", Map.of("csrf", push.hidden("csrf")));
        JWTClaimsSet idToken = RelyingParty.verify(answer.answerFields().get("id_token"), jwks());
        assertEquals(List.of("swk"), idToken.getStringListClaim("amr"));
    }

    @Test
    void itWasntMeIsAFraudReportAndTheRelyingPartyGetsAccessDenied() throws Exception {
        Fixtures.AppUser user = tenant.appUsers(1, false).get(0);
        challenges.awaitProjection(user.userId(), Duration.ofSeconds(30));
        PageWalker browser = new PageWalker(issuer);
        String state = UUID.randomUUID().toString();
        PageWalker.Page started = browser.post("/authorize", entraRequest(user.userId(), "n2", state));
        PageWalker.Page push = browser.get(started.location());
        respond(user, Map.of("decision", "deny", "denyReason", "not_me"));
        assertEquals("fraud_reported", Json.MAPPER.readTree(browser.get(started.location() + "/status").body()).get("status").asText());
        PageWalker.Page blocked = browser.get(started.location());
        assertTrue(blocked.body().contains("Sign-in blocked"), blocked.body());
        // A continue without approval does not answer; cancel answers access_denied.
        PageWalker.Page notYet = browser.post(started.location() + "/continue", Map.of("csrf", push.hidden("csrf")));
        assertEquals(303, notYet.status());
        PageWalker.Page answer = browser.post(started.location() + "/cancel", Map.of("csrf", push.hidden("csrf")));
        assertEquals("access_denied", answer.answerFields().get("error"));
        assertEquals(state, answer.answerFields().get("state"));
        assertTrue(!answer.answerFields().containsKey("id_token"));
    }

    @Test
    void codeFlowWithRequestObjectPkceAndPrivateKeyJwt() throws Exception {
        Fixtures.TotpUser user = tenant.totpUsers(1).get(0);
        challenges.awaitProjection(user.userId(), Duration.ofSeconds(30));

        String verifier = RelyingParty.verifier();
        String code = codeFlow(user, verifier, 0);
        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", APP_REDIRECT,
                "code_verifier", verifier, "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", webApp.clientAssertion("webapp", issuer + "/token")), null).expect(200).body();
        JWTClaimsSet idToken = RelyingParty.verify(tokens.get("id_token").asText(), jwks());
        assertEquals(user.userId(), idToken.getSubject());
        assertEquals(List.of("webapp"), idToken.getAudience());
        assertEquals(List.of("otp"), idToken.getStringListClaim("amr"));
        assertEquals("Bearer", tokens.get("token_type").asText());

        // A code is good once.
        Json.Answer again = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", APP_REDIRECT,
                "code_verifier", verifier, "client_id", "webapp", "client_secret", "s3cret-s3cret-s3cret-s3cret-s3cret-42"), null);
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.body().get("error").asText());
    }

    @Test
    void codeFlowRefusesAWrongOrMissingVerifierAndBadClientAuthentication() throws Exception {
        Fixtures.TotpUser user = tenant.totpUsers(1).get(0);
        challenges.awaitProjection(user.userId(), Duration.ofSeconds(30));
        String verifier = RelyingParty.verifier();
        String code = codeFlow(user, verifier, 0);
        Map<String, String> base = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", APP_REDIRECT);

        Json.Answer badSecret = token(with(base, Map.of("code_verifier", verifier, "client_id", "webapp", "client_secret",
                "wrong-wrong-wrong-wrong-wrong-wrong-00")), null);
        assertEquals(401, badSecret.status());
        Json.Answer foreignAssertion = token(with(base, Map.of("code_verifier", verifier, "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion",
                new RelyingParty().clientAssertion("webapp", issuer + "/token"))), null);
        assertEquals(401, foreignAssertion.status());
        Json.Answer wrongVerifier = token(with(base, Map.of("code_verifier", RelyingParty.verifier(), "client_id", "webapp",
                "client_secret", "s3cret-s3cret-s3cret-s3cret-s3cret-42")), null);
        assertEquals("invalid_grant", wrongVerifier.body().get("error").asText());

        String second = codeFlow(user, verifier, 1);
        Json.Answer missing = token(Map.of("grant_type", "authorization_code", "code", second, "redirect_uri", APP_REDIRECT,
                "client_id", "webapp", "client_secret", "s3cret-s3cret-s3cret-s3cret-s3cret-42"), null);
        assertEquals("invalid_grant", missing.body().get("error").asText());
    }

    @Test
    void aRequestObjectForAnotherUserCannotBeForgedOrReplayed() throws Exception {
        PageWalker browser = new PageWalker(issuer);
        Map<String, Object> claims = requestObjectClaims("mallory-target@bench.example", "v".repeat(43), UUID.randomUUID().toString());
        String forged = new RelyingParty().sign(JWTClaimsSet.parse(claims));
        PageWalker.Page refused = browser.get("/authorize?client_id=webapp&request=" + forged);
        assertEquals(400, refused.status(), "a request object not signed by the client is refused on our page");
        PageWalker.Page plain = browser.get("/authorize?client_id=webapp&response_type=code&redirect_uri=" + APP_REDIRECT
                + "&scope=openid&login_hint=victim@bench.example&state=s&code_challenge=" + "v".repeat(43) + "&code_challenge_method=S256");
        assertEquals(400, plain.status(), "without a request object nobody names a user");
    }

    @Test
    void securityInfoOpensOnlyAfterAFreshSecondFactorAndChangesMethods() throws Exception {
        Fixtures.TotpUser user = tenant.totpUsers(1).get(0);
        challenges.awaitProjection(user.userId(), Duration.ofSeconds(30));
        String verifier = RelyingParty.verifier();
        Map<String, Object> claims = requestObjectClaims(user.userId(), RelyingParty.challenge(verifier), UUID.randomUUID().toString());
        claims.put("openfactor_action", "security_info");
        PageWalker browser = new PageWalker(issuer);
        PageWalker.Page started = browser.get("/authorize?client_id=webapp&request=" + webApp.sign(JWTClaimsSet.parse(claims)));
        String prompt = started.location();
        PageWalker.Page codePage = browser.get(prompt);
        String csrf = codePage.hidden("csrf");
        assertEquals(410, browser.get(prompt + "/security-info").status(), "no security info before the second factor");

        String totp = Totp.code(user.secret(), Totp.step(Instant.now().getEpochSecond()));
        PageWalker.Page proven = browser.post(prompt + "/code", Map.of("csrf", csrf, "code", totp));
        assertEquals(prompt + "/security-info", proven.location());
        PageWalker.Page info = browser.get(proven.location());
        assertTrue(info.body().contains("Security info") && info.body().contains("Authenticator app"), info.body());
        assertEquals(410, new PageWalker(issuer).get(prompt + "/security-info").status(), "another browser cannot open it");

        assertEquals(403, browser.post(prompt + "/security-info/recovery-codes", Map.of()).status(), "no change without the CSRF token");
        PageWalker.Page codes = browser.post(prompt + "/security-info/recovery-codes", Map.of("csrf", csrf));
        assertEquals(10, codes.body().split("<li><code>", -1).length - 1, codes.body());

        String totpMethod = methodId(browser.get(prompt + "/security-info").body(), "totp");
        PageWalker.Page last = browser.post(prompt + "/security-info/delete", Map.of("csrf", csrf, "methodId", totpMethod));
        assertEquals(409, last.status(), "the last way to sign in is not deleted");
        PageWalker.Page foreign = browser.post(prompt + "/security-info/delete", Map.of("csrf", csrf, "methodId", UUID.randomUUID().toString()));
        assertEquals(403, foreign.status(), "a method id that is not this user's is refused");
        String recovery = methodId(browser.get(prompt + "/security-info").body(), "recovery_codes");
        PageWalker.Page deleted = browser.post(prompt + "/security-info/delete", Map.of("csrf", csrf, "methodId", recovery));
        assertEquals(prompt + "/security-info?done=deleted", deleted.location());
        PageWalker.Page after = browser.get(deleted.location());
        assertTrue(after.body().contains("The method was deleted.") && !after.body().contains("data-method-type=\"recovery_codes\""));

        PageWalker.Page back = browser.post(prompt + "/security-info/done", Map.of("csrf", csrf));
        assertTrue(back.location().startsWith(APP_REDIRECT + "?code="), back.location());
        assertEquals(410, browser.get(prompt + "/security-info").status(), "answered: the page is gone");
        String code = java.net.URLDecoder.decode(back.location().replaceAll(".*[?&]code=([^&]+).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", APP_REDIRECT,
                "code_verifier", verifier, "client_id", "webapp", "client_secret", "s3cret-s3cret-s3cret-s3cret-s3cret-42"), null)
                .expect(200).body();
        assertEquals(List.of("otp"), RelyingParty.verify(tokens.get("id_token").asText(), jwks()).getStringListClaim("amr"));

        claims.put("openfactor_action", "delete_everything");
        claims.put("state", UUID.randomUUID().toString());
        PageWalker.Page unknown = new PageWalker(issuer).get("/authorize?client_id=webapp&request=" + webApp.sign(JWTClaimsSet.parse(claims)));
        assertTrue(unknown.location().contains("error=invalid_request"), unknown.location());
    }

    /** The method id in the security-info row of that type. */
    private static String methodId(String page, String type) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-method-type=\"" + type
                + "\"[\\s\\S]*?name=\"methodId\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), type + " not listed: " + page);
        return m.group(1);
    }

    private static String codeFlow(Fixtures.TotpUser user, String verifier, int stepOffset) throws Exception {
        PageWalker browser = new PageWalker(issuer);
        String state = UUID.randomUUID().toString();
        String request = webApp.sign(JWTClaimsSet.parse(requestObjectClaims(user.userId(), RelyingParty.challenge(verifier), state)));
        PageWalker.Page started = browser.get("/authorize?client_id=webapp&request=" + request);
        assertEquals(303, started.status(), started.body());
        PageWalker.Page codePage = browser.get(started.location());
        // Each TOTP step is accepted once per credential: a second sign-in in the same step uses the next step's code.
        String totp = Totp.code(user.secret(), Totp.step(Instant.now().getEpochSecond()) + stepOffset);
        PageWalker.Page back = browser.post(started.location() + "/code", Map.of("csrf", codePage.hidden("csrf"), "code", totp));
        assertEquals(303, back.status(), back.body());
        assertTrue(back.location().startsWith(APP_REDIRECT + "?"), back.location());
        Map<String, String> query = new HashMap<>();
        for (String pair : java.net.URI.create(back.location()).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(state, query.get("state"));
        assertEquals(issuer, query.get("iss"));
        assertNotNull(query.get("code"));
        return query.get("code");
    }

    private static Map<String, Object> requestObjectClaims(String userId, String challenge, String state) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> c = new HashMap<>();
        c.put("iss", "webapp");
        c.put("aud", issuer);
        c.put("client_id", "webapp");
        c.put("response_type", "code");
        c.put("redirect_uri", APP_REDIRECT);
        c.put("scope", "openid");
        c.put("state", state);
        c.put("nonce", UUID.randomUUID().toString());
        c.put("code_challenge", challenge);
        c.put("code_challenge_method", "S256");
        c.put("login_hint", userId);
        c.put("iat", now);
        c.put("exp", now + 300);
        c.put("jti", UUID.randomUUID().toString());
        return c;
    }

    private static Map<String, String> entraRequest(String userId, String nonce, String state) {
        Map<String, String> p = new HashMap<>();
        p.put("scope", "openid");
        p.put("response_type", "id_token");
        p.put("response_mode", "form_post");
        p.put("client_id", "entra");
        p.put("redirect_uri", ENTRA_REDIRECT);
        p.put("nonce", nonce);
        p.put("state", state);
        p.put("claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"possessionorinherence\"]},"
                + "\"amr\":{\"essential\":true,\"values\":[\"otp\",\"sms\",\"swk\",\"tel\"]}}}");
        p.put("id_token_hint", entra.entraHint(ENTRA_ISSUER, ENTRA_AUDIENCE, "sub-" + userId, userId));
        return p;
    }

    /** The device answers its one pending challenge, signed with its key, as the app would. */
    private static void respond(Fixtures.AppUser user, Map<String, String> decision) throws Exception {
        String base = system.verification().url("");
        String list = "/v1/devices/" + user.device().deviceId() + "/challenges";
        JsonNode pending = Json.send(user.device().signed("GET", base, list, "")).expect(200).body();
        assertEquals(1, pending.size(), pending.toString());
        String path = list + "/" + pending.get(0).get("challengeId").asText() + "/response";
        Json.send(user.device().signed("POST", base, path, Json.write(decision))).expect(200);
    }

    private static Json.Answer token(Map<String, String> form, String basic) {
        String body = form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (basic != null) {
            request.header("Authorization", "Basic " + basic);
        }
        return Json.send(request.build());
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String jwks() {
        return Json.call("GET", issuer + "/jwks", null, null).expect(200).body().toString();
    }

    private static void register(String clientId, Map<String, Object> own) {
        Map<String, Object> body = new HashMap<>(own);
        body.put("tenantId", "bench");
        body.put("tenantApiKey", tenant.apiKey);
        body.put("displayName", "Bench Corp");
        Json.call("PUT", issuer + "/admin/v1/clients/" + clientId, system.adminToken, body).expect(201);
    }
}
