package dev.openfactor.verification.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.TopicReader;
import dev.openfactor.verification.testdata.Codes;
import dev.openfactor.verification.testdata.ProfileBuilder;
import dev.openfactor.verification.testdata.ProfileTopic;
import dev.openfactor.verification.testdata.SignInTenant;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** TOTP sign-in with RFC 6238 codes at fixed instants: window, replay (also racing), lockout, isolation. */
@QuarkusTest
class TotpChallengeTest extends SignInSuite {

    /** RFC 6238 Appendix B: T = 1111111109 s, SHA1, 8 digits → 07081804 (step 37037036). */
    private static final Instant RFC_TIME = Instant.ofEpochSecond(1111111109L);
    private static final long RFC_STEP = 1111111109L / 30;

    @Test
    void acceptsTheRfcVectorAtItsInstant() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);

        totp(tenant, user, "07081804").then().statusCode(200)
                .body("status", equalTo("approved")).body("remainingAttempts", equalTo(10));
        assertEquals("07081804", Codes.totp(Codes.rfcSeed(), "SHA1", 8, RFC_STEP));
    }

    @Test
    void acceptsOneStepEitherSideAndNothingBeyond() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);

        totp(tenant, user, code(RFC_STEP - 2)).then().body("status", equalTo("denied"));
        totp(tenant, user, code(RFC_STEP + 2)).then().body("status", equalTo("denied"));
        totp(tenant, user, code(RFC_STEP - 1)).then().body("status", equalTo("approved"));
        totp(tenant, user, code(RFC_STEP + 1)).then().body("status", equalTo("approved"));
    }

    @Test
    void aStepAcceptedOnceIsNeverAcceptedAgain() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);

        totp(tenant, user, code(RFC_STEP)).then().body("status", equalTo("approved"));
        totp(tenant, user, code(RFC_STEP)).then().body("status", equalTo("denied"));
        totp(tenant, user, code(RFC_STEP - 1)).then().body("status", equalTo("denied")); // older than the last accepted
    }

    @Test
    void anApprovedCodeLeavesItsChallengeAndBothAuditEvents() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);

        String id = totp(tenant, user, code(RFC_STEP)).then().statusCode(200).body("status", equalTo("approved"))
                .extract().path("challengeId");

        tenant.asFrontend().get("/v1/challenges/" + id).then().statusCode(200)
                .body("status", equalTo("approved")).body("method", equalTo("totp"));
        try (TopicReader audit = new TopicReader(kafka, "openfactor.audit")) {
            List<String> actions = audit.awaitMatching(r -> r.event().data().contains(id), 2, Duration.ofSeconds(20)).stream()
                    .map(r -> r.event().data().replaceAll(".*\"action\":\"([^\"]+)\".*", "$1")).toList();
            assertEquals(List.of("challenge.created", "challenge.approved"), actions);
        }
    }

    @Test
    void racingRequestsWithOneCodeApproveExactlyOnce() throws Exception {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);
        String code = code(RFC_STEP);
        // Ten: one success and nine replay failures, which cannot lock the user whatever their order.
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> racers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                racers.add(() -> totp(tenant, user, code).then().statusCode(200).extract().path("status"));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(racers)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("approved"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenConsecutiveFailuresLockTheUserAndUnlockLiftsIt() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);
        String wrong = "00000000";

        for (int left = 9; left >= 1; left--) {
            totp(tenant, user, wrong).then().body("status", equalTo("denied")).body("remainingAttempts", equalTo(left));
        }
        totp(tenant, user, wrong).then().body("status", equalTo("locked")).body("remainingAttempts", equalTo(0));
        totp(tenant, user, code(RFC_STEP)).then().statusCode(423).body("code", equalTo("user_locked"))
                .header("Retry-After", equalTo("900"));

        tenant.asFrontend().post("/v1/users/" + user + "/unlock").then().statusCode(204);
        totp(tenant, user, code(RFC_STEP)).then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void aRepeatLockLastsTwiceAsLong() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);
        for (int i = 0; i < 10; i++) {
            totp(tenant, user, "00000000");
        }
        clock.freezeAt(RFC_TIME.plus(Duration.ofMinutes(16)));
        for (int i = 0; i < 10; i++) {
            totp(tenant, user, "00000000");
        }

        totp(tenant, user, "00000000").then().statusCode(423).header("Retry-After", equalTo("1800"));
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);
        for (int i = 0; i < 9; i++) {
            totp(tenant, user, "00000000");
        }
        totp(tenant, user, code(RFC_STEP)).then().body("status", equalTo("approved")).body("remainingAttempts", equalTo(10));

        totp(tenant, user, "00000000").then().body("status", equalTo("denied")).body("remainingAttempts", equalTo(9));
    }

    @Test
    void unknownUsersAndOtherTenantsUsersNeedRegistration() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        SignInTenant other = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);

        totp(other, user, code(RFC_STEP)).then().statusCode(409).body("code", equalTo("registration_required"));
        totp(tenant, SignInTenant.newUserId(), code(RFC_STEP)).then().statusCode(409);
        String challengeId = totp(tenant, user, code(RFC_STEP)).then().statusCode(200).extract().path("challengeId");
        other.asFrontend().get("/v1/challenges/" + challengeId).then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void olderSnapshotsAreIgnoredAndTombstonesForgetTheUser() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = SignInTenant.newUserId();
        byte[] current = "current-secret-20byt".getBytes();
        byte[] stale = "stale-secret-20bytes".getBytes();
        ProfileBuilder v2 = new ProfileBuilder(tenant.tenantId(), user).version(2);
        v2.totp(current, "SHA1", 6, 30);
        ProfileTopic.publish(kafka, v2.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 2);
        ProfileBuilder v1 = new ProfileBuilder(tenant.tenantId(), user).version(1);
        v1.totp(stale, "SHA1", 6, 30);
        ProfileTopic.publish(kafka, v1.build());
        ProfileBuilder v3 = new ProfileBuilder(tenant.tenantId(), user).version(3);
        v3.totp(current, "SHA1", 6, 30);
        ProfileTopic.publish(kafka, v3.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 3); // v1 arrived in between and was ignored
        clock.freezeAt(RFC_TIME);

        totp(tenant, user, Codes.totp(stale, "SHA1", 6, RFC_STEP)).then().body("status", equalTo("denied"));
        totp(tenant, user, Codes.totp(current, "SHA1", 6, RFC_STEP)).then().body("status", equalTo("approved"));

        ProfileTopic.tombstone(kafka, tenant.tenantId(), user);
        ProfileTopic.awaitForgotten(profiles, tenant.tenantId(), user);
        totp(tenant, user, Codes.totp(current, "SHA1", 6, RFC_STEP + 1)).then().statusCode(409);
    }

    /**
     * Sign-ins reuse the profile decoded for the row version they find: a newer snapshot, and a user
     * deleted and registered again at the same snapshot version, must each be read afresh.
     */
    @Test
    void aSignInAfterTheProfileChangedUsesTheNewProfile() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = SignInTenant.newUserId();
        byte[] first = "first-secret-20bytes".getBytes();
        byte[] second = "second-secret-20byte".getBytes();
        byte[] third = "third-secret-20bytes".getBytes();
        publishTotp(tenant, user, 1, first);
        clock.freezeAt(RFC_TIME);
        totp(tenant, user, Codes.totp(first, "SHA1", 6, RFC_STEP - 1)).then().body("status", equalTo("approved"));

        publishTotp(tenant, user, 2, second);
        totp(tenant, user, Codes.totp(first, "SHA1", 6, RFC_STEP)).then().body("status", equalTo("denied"));
        totp(tenant, user, Codes.totp(second, "SHA1", 6, RFC_STEP)).then().body("status", equalTo("approved"));

        ProfileTopic.tombstone(kafka, tenant.tenantId(), user);
        ProfileTopic.awaitForgotten(profiles, tenant.tenantId(), user);
        publishTotp(tenant, user, 2, third); // registered again: enrollment counts versions from scratch
        totp(tenant, user, Codes.totp(second, "SHA1", 6, RFC_STEP + 1)).then().body("status", equalTo("denied"));
        totp(tenant, user, Codes.totp(third, "SHA1", 6, RFC_STEP + 1)).then().body("status", equalTo("approved"));
    }

    private void publishTotp(SignInTenant tenant, String user, long version, byte[] secret) {
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user).version(version);
        profile.totp(secret, "SHA1", 6, 30);
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, version);
    }

    @Test
    void recoveryCodeIsAcceptedOnce() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = SignInTenant.newUserId();
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.totp(Codes.rfcSeed(), "SHA1", 6, 30);
        profile.recoveryCodes(List.of("K7QMD-4XH2P", "ABCDE-FGHJK"));
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 1);

        recovery(tenant, user, "k7qmd-4xh2p").then().statusCode(200).body("status", equalTo("approved"));
        recovery(tenant, user, "K7QMD-4XH2P").then().statusCode(200).body("status", equalTo("denied"));
        recovery(tenant, user, "ABCDE-FGHJK").then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void totpWithoutACodeWaitsForVerify() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = rfcUser(tenant);
        clock.freezeAt(RFC_TIME);

        String id = tenant.asFrontend().body(Map.of("userId", user, "method", "totp")).post("/v1/challenges")
                .then().statusCode(201).body("status", equalTo("pending")).extract().path("challengeId");
        tenant.asFrontend().body(Map.of("code", "00000000")).post("/v1/challenges/" + id + "/verify")
                .then().statusCode(422).body("code", equalTo("invalid_code")).body("remainingAttempts", equalTo(9));
        tenant.asFrontend().body(Map.of("code", code(RFC_STEP))).post("/v1/challenges/" + id + "/verify")
                .then().statusCode(200).body("status", equalTo("approved"));
        tenant.asFrontend().get("/v1/challenges/" + id).then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void malformedRequestsNameTheirFields() {
        SignInTenant tenant = SignInTenant.create(apiKeys);

        tenant.asFrontend().body(Map.of("method", "totp")).post("/v1/challenges")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        tenant.asFrontend().body(Map.of("userId", "a", "method", "carrier-pigeon")).post("/v1/challenges")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    private String rfcUser(SignInTenant tenant) {
        String user = SignInTenant.newUserId();
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.totp(Codes.rfcSeed(), "SHA1", 8, 30);
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 1);
        return user;
    }

    private static String code(long step) {
        return Codes.totp(Codes.rfcSeed(), "SHA1", 8, step);
    }

    private static Response totp(SignInTenant tenant, String user, String code) {
        return tenant.asFrontend().body(Map.of("userId", user, "method", "totp", "code", code)).post("/v1/challenges");
    }

    private static Response recovery(SignInTenant tenant, String user, String code) {
        return tenant.asFrontend().body(Map.of("userId", user, "method", "recovery_code", "code", code)).post("/v1/challenges");
    }
}
