package dev.openfactor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole system as {@code ./openfactor up} runs it (packaged jars, local profile, sandbox
 * channel on), plus a second verification-service replica: users enrolled through
 * enrollment-service sign in on verification-service, pushes reach the sandbox, an answer given
 * on one replica wakes a waiter on the other, and sign-ins go on with enrollment-service stopped.
 * The bench's launcher doubles as this rig.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemFlowTest {

    private static BenchBroker broker;
    private static BenchSystem system;
    private static ServiceProcess replicaA;
    private static ServiceProcess replicaB;
    private static Fixtures.AppUser appUser;
    private static Fixtures.TotpUser totpUser;
    private static String apiKey;

    @BeforeAll
    static void startSystem() {
        BenchDatabases.empty();
        broker = BenchBroker.start(ServiceProcess.root());
        system = BenchSystem.start(ServiceProcess.root(), broker.bootstrapServers(), Map.of());
        replicaA = system.verification();
        replicaB = system.startVerificationReplica();
        Fixtures fixtures = Fixtures.newTenant(system);
        apiKey = fixtures.apiKey;
        appUser = fixtures.appUsers(1, true).get(0);
        totpUser = fixtures.totpUsers(1).get(0);
        for (ServiceProcess replica : new ServiceProcess[] {replicaA, replicaB}) {
            new Challenges(replica, apiKey).awaitProjection(appUser.userId(), Duration.ofSeconds(60));
            new Challenges(replica, apiKey).awaitProjection(totpUser.userId(), Duration.ofSeconds(60));
        }
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void pushReachesTheSandboxAndTheChallengeShowsItSent() {
        JsonNode challenge = Json.send(new Challenges(replicaA, apiKey).push(appUser.userId())).expect(201).body();
        String challengeId = challenge.get("challengeId").asText();
        String token = RawPushy.token(0);

        JsonNode delivered = eventually(() -> {
            JsonNode list = Json.call("GET", system.notification().url("/sandbox/v1/deliveries?address=" + token),
                    system.adminToken, null)
                    .expect(200).body();
            for (JsonNode d : list) {
                if (challengeId.equals(d.path("challengeId").asText())) {
                    return d;
                }
            }
            return null;
        });
        assertEquals("apns", delivered.get("channel").asText());
        assertTrue(delivered.get("content").toString().contains(challengeId), "the push payload carries the challenge id");
        assertTrue(!delivered.get("content").toString().contains("\"" + challenge.get("numberMatch").asText() + "\""),
                "the number to match goes only to the frontend");

        String delivery = eventually(() -> {
            String d = status(replicaB, challengeId, 0).path("delivery").asText();
            return "sent".equals(d) ? d : null;
        });
        assertEquals("sent", delivery, "the delivery report reached verification-service");
    }

    @Test
    @Order(2)
    void anAnswerOnOneReplicaWakesTheWaiterOnTheOther() throws Exception {
        JsonNode challenge = Json.send(new Challenges(replicaA, apiKey).push(appUser.userId())).expect(201).body();
        String challengeId = challenge.get("challengeId").asText();
        int waitSeconds = 25;
        // A waiter returns on any change of the challenge; let the delivery report land first.
        eventually(() -> "sent".equals(status(replicaB, challengeId, 0).path("delivery").asText()) ? true : null);

        long askedAt = System.nanoTime();
        CompletableFuture<Json.Answer> waiter = Json.sendAsync(new Challenges(replicaB, apiKey).status(challengeId, waitSeconds));
        ServiceProcess.pause(1000);
        assertTrue(!waiter.isDone(), "the waiter on replica B is held while the challenge is pending");

        String body = "{\"decision\":\"approve\",\"numberMatch\":\"" + challenge.get("numberMatch").asText() + "\"}";
        Json.send(appUser.device().signed("POST", replicaA.url(""),
                "/v1/devices/" + appUser.device().deviceId() + "/challenges/" + challengeId + "/response", body)).expect(200);

        Json.Answer answer = waiter.get(waitSeconds + 10L, TimeUnit.SECONDS);
        double waitedSeconds = (System.nanoTime() - askedAt) / 1e9;
        assertEquals("approved", answer.body().get("status").asText());
        assertTrue(waitedSeconds < waitSeconds - 5,
                "woken by the approval on replica A, not released by its own deadline (waited " + waitedSeconds + " s)");
    }

    @Test
    @Order(3)
    void theCodeThatConfirmedATotpCredentialIsDeniedAtSignIn() {
        String user = "confirmed-" + UUID.randomUUID() + "@bench.example";
        ServiceProcess enrollment = system.enrollment();
        JsonNode created = Json.call("POST", enrollment.url("/v1/users/" + user + "/totp-credentials"), apiKey, Map.of())
                .expect(201).body();
        byte[] secret = Totp.base32(created.get("secret").asText());
        long step = Totp.step(Instant.now().getEpochSecond());
        String confirming = Totp.code(secret, step);
        Json.call("POST", enrollment.url("/v1/users/" + user + "/totp-credentials/" + created.get("methodId").asText()
                + "/confirm"), apiKey, Map.of("code", confirming)).expect(200);
        Challenges signIn = new Challenges(replicaB, apiKey);
        signIn.awaitProjection(user, Duration.ofSeconds(60));

        Json.Answer replayed = Json.send(signIn.totp(user, confirming));
        assertEquals(200, replayed.status());
        assertEquals("denied", replayed.body().get("status").asText(), "the confirming code was already used");
        Json.Answer next = Json.send(signIn.totp(user, Totp.code(secret, step + 1)));
        assertEquals("approved", next.body().get("status").asText());
    }

    @Test
    @Order(4)
    void signInsGoOnWhileEnrollmentServiceIsStopped() {
        system.stop("enrollment");

        String code = Totp.code(totpUser.secret(), Totp.step(Instant.now().getEpochSecond()));
        Json.Answer totp = Json.send(new Challenges(replicaB, apiKey).totp(totpUser.userId(), code));
        assertEquals(200, totp.status());
        assertEquals("approved", totp.body().get("status").asText());

        JsonNode push = Json.send(new Challenges(replicaA, apiKey).push(appUser.userId())).expect(201).body();
        assertEquals("pending", push.get("status").asText());
    }

    private static JsonNode status(ServiceProcess replica, String challengeId, int waitSeconds) {
        return Json.send(new Challenges(replica, apiKey).status(challengeId, waitSeconds)).expect(200).body();
    }

    private static <T> T eventually(Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            ServiceProcess.pause(100);
        }
        throw new AssertionError("not within 30 s");
    }
}
