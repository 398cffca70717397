package dev.openfactor.verification.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfactor.verification.testdata.AppUser;
import dev.openfactor.verification.testdata.Codes;
import dev.openfactor.verification.testdata.ProfileBuilder;
import dev.openfactor.verification.testdata.ProfileTopic;
import dev.openfactor.platform.testing.Race;
import dev.openfactor.verification.testdata.SignInTenant;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * API.md's limits as an attacker tries them: dozens of requests at once over HTTP against the real
 * database. Every limit must admit exactly its number, whatever the interleaving.
 */
@QuarkusTest
class RacingAttackTest extends SignInSuite {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] APP_SECRET = "app-secret-of-20byte".getBytes();

    @Test
    void exactlyTenFailuresAreJudgedHoweverManyArriveAtOnce() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        totp(app, "000001").then().statusCode(200).body("status", equalTo("denied")).body("remainingAttempts", equalTo(9));

        List<Response> answers = Race.run(100, i -> totp(app, "000002"));

        assertEquals(9, Race.withStatus(answers, 200), "judged after the first failure");
        assertEquals(91, Race.withStatus(answers, 423));
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 200 && "locked".equals(r.path("status"))).count());
        answers.stream().filter(r -> r.statusCode() == 423).forEach(r -> r.then().body("code", equalTo("user_locked")));
        totp(app, "000003").then().statusCode(423).header("Retry-After", notNullValue());
    }

    @Test
    void racingRightCodesNeitherPassNorLiftALock() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        clock.freezeAt(NOW);
        for (int i = 0; i < 10; i++) {
            totp(app, "000000");
        }
        long step = NOW.getEpochSecond() / 30;

        List<Response> answers = Race.run(30, i -> totp(app, i % 2 == 0 ? code(step + (i % 3) - 1) : "000000"));

        assertEquals(30, Race.withStatus(answers, 423), "a locked user gets nothing judged");
        totp(app, code(step)).then().statusCode(423);
    }

    @Test
    void rightCodesRacingWrongOnesAreAllAnsweredAndEachStepApprovesAtMostOnce() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        clock.freezeAt(NOW);
        long step = NOW.getEpochSecond() / 30;
        for (int i = 0; i < 5; i++) {
            totp(app, "000000");
        }

        // Right codes are approved by one statement outside a transaction, wrong ones counted in a
        // transaction; both lock the replay row and the guard row, which must not deadlock.
        List<Response> answers = Race.run(40, i -> totp(app, i % 4 == 0 ? code(step + (i / 4) % 3 - 1) : "000000"));

        assertEquals(40, Race.withStatus(answers, 200) + Race.withStatus(answers, 423), "every request answered");
        List<String> approved = answers.stream().filter(r -> r.statusCode() == 200 && "approved".equals(r.path("status")))
                .map(r -> r.<String>path("challengeId")).toList();
        assertTrue(approved.size() <= 3, "each of three steps at most once: " + approved.size());
        approved.forEach(id -> app.tenant().asFrontend().get("/v1/challenges/" + id).then().statusCode(200)
                .body("status", equalTo("approved")));
    }

    @Test
    void theFraudCooldownSurvivesRacingFailuresAndSuccesses() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String id = push(app).then().statusCode(201).extract().path("challengeId");
        app.respond(id, "{\"decision\":\"deny\",\"denyReason\":\"not_me\"}").then().body("status", equalTo("fraud_reported"));
        clock.freezeAt(NOW); // before the cool-down's end, and a fixed TOTP step
        long step = NOW.getEpochSecond() / 30;

        // Nine failures at most: however they interleave with the success, no lock hides the cool-down.
        List<Response> answers = Race.run(10, i -> totp(app, i == 0 ? code(step) : "000000"));

        assertEquals(10, Race.withStatus(answers, 200));
        assertEquals("approved", answers.get(0).path("status"));
        push(app).then().statusCode(429).body("code", equalTo("rate_limited"));
    }

    @Test
    void aLockEndsPendingPushesAndTheAppCannotApproveThem() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        JsonPath created = push(app).then().statusCode(201).extract().jsonPath();
        String id = created.getString("challengeId");
        for (int i = 0; i < 10; i++) {
            totp(app, "000000");
        }

        app.tenant().asFrontend().get("/v1/challenges/" + id).then().statusCode(200)
                .body("status", equalTo("locked")).body("reason", equalTo("user_locked"));
        app.pending().then().statusCode(200).body("", hasSize(0));
        app.approve(id, created.getString("numberMatch")).then().statusCode(409);
        app.tenant().asFrontend().get("/v1/challenges/" + id).then().body("status", equalTo("locked"));
    }

    @Test
    void anApprovalRacingTheLockNeverPasses() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        JsonPath created = push(app).then().statusCode(201).extract().jsonPath();
        String id = created.getString("challengeId");
        for (int i = 0; i < 9; i++) {
            totp(app, "000000");
        }

        List<Response> answers = Race.run(12, i -> i == 0 ? app.approve(id, created.getString("numberMatch")) : totp(app, "000000"));

        String status = app.tenant().asFrontend().get("/v1/challenges/" + id).then().statusCode(200).extract().path("status");
        totp(app, "000000").then().statusCode(423);
        if ("approved".equals(status)) {
            // The approval won the race: it came before the tenth failure, so exactly ten failures still lock.
            assertEquals(10, answers.stream().skip(1).filter(r -> r.statusCode() == 200).count());
        } else {
            assertEquals("locked", status);
            assertTrue(answers.get(0).statusCode() == 409 || "locked".equals(answers.get(0).path("status")));
        }
    }

    @Test
    void twentyPushesAtOnceOpenOnlyThree() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);

        List<Response> answers = Race.run(20, i -> push(app));

        assertEquals(3, Race.withStatus(answers, 201));
        assertEquals(17, Race.withStatus(answers, 429));
        answers.stream().filter(r -> r.statusCode() == 429)
                .forEach(r -> r.then().body("code", equalTo("rate_limited")).header("Retry-After", notNullValue()));
        app.pending().then().body("", hasSize(3));
    }

    @Test
    void aFourthPushWithinAMinuteIsRefusedEvenWhenNoneIsPending() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        clock.freezeAt(NOW);
        for (int i = 0; i < 3; i++) {
            String id = push(app).then().statusCode(201).extract().path("challengeId");
            app.tenant().asFrontend().delete("/v1/challenges/" + id).then().statusCode(200);
        }

        push(app).then().statusCode(429).body("code", equalTo("rate_limited")).header("Retry-After", equalTo("60"));
        clock.freezeAt(NOW.plusSeconds(61));
        push(app).then().statusCode(201);
    }

    @Test
    void twentySmsChallengesAtOnceSendOnlyFive() throws Exception {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = SignInTenant.newUserId();
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.phone("mobile", "+14155550199", null, "sms");
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 1);

        List<Response> answers = Race.run(20, i -> tenant.asFrontend().body(Map.of("userId", user, "method", "sms"))
                .post("/v1/challenges"));

        assertEquals(5, Race.withStatus(answers, 201));
        assertEquals(15, Race.withStatus(answers, 429));
    }

    private static String code(long step) {
        return Codes.totp(APP_SECRET, "SHA1", 6, step);
    }

    private static Response totp(AppUser app, String code) {
        return app.tenant().asFrontend().body(Map.of("userId", app.userId(), "method", "totp", "code", code))
                .post("/v1/challenges");
    }

    private static Response push(AppUser app) {
        return app.tenant().asFrontend().body(Map.of("userId", app.userId(), "method", "push",
                "context", Map.of("application", "Outlook"))).post("/v1/challenges");
    }
}
