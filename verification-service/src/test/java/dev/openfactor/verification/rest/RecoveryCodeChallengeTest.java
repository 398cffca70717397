package dev.openfactor.verification.rest;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.openfactor.verification.testdata.Codes;
import dev.openfactor.verification.testdata.ProfileBuilder;
import dev.openfactor.verification.testdata.ProfileTopic;
import dev.openfactor.verification.testdata.SignInTenant;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Recovery codes at sign-in: PBKDF2 sets as enrollment issues them, legacy SHA-256 sets, each code once. */
@QuarkusTest
class RecoveryCodeChallengeTest extends SignInSuite {

    @Test
    void eachCodeOfAPbkdf2SetIsAcceptedOnceAsTyped() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = publish(tenant, p -> p.recoveryCodes(List.of("K7QMD-4XH2P", "ABCDE-FGHJK")));

        recovery(tenant, user, "k7qmd 4xh2p").then().statusCode(200)
                .body("status", equalTo("approved")).body("remainingAttempts", equalTo(10));
        recovery(tenant, user, "K7QMD-4XH2P").then().statusCode(200)
                .body("status", equalTo("denied")).body("remainingAttempts", equalTo(9));
        recovery(tenant, user, "ABCDEFGHJK").then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void aCodeOutsideTheSetIsDeniedAndCountsTowardLockout() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = publish(tenant, p -> p.recoveryCodes(List.of("K7QMD-4XH2P")));

        recovery(tenant, user, "K7QMD-4XH2Q").then().statusCode(200)
                .body("status", equalTo("denied")).body("remainingAttempts", equalTo(9));
    }

    @Test
    void legacySha256SetsAreStillAcceptedOnce() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = publish(tenant, p -> p.legacyRecoveryCodes(List.of("K7QMD-4XH2P", "ABCDE-FGHJK")));

        recovery(tenant, user, "k7qmd-4xh2p").then().statusCode(200).body("status", equalTo("approved"));
        recovery(tenant, user, "K7QMD-4XH2P").then().statusCode(200).body("status", equalTo("denied"));
        recovery(tenant, user, "ABCDE-FGHJK").then().statusCode(200).body("status", equalTo("approved"));
    }

    private String publish(SignInTenant tenant, Consumer<ProfileBuilder> codes) {
        String user = SignInTenant.newUserId();
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.totp(Codes.rfcSeed(), "SHA1", 6, 30);
        codes.accept(profile);
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 1);
        return user;
    }

    private static Response recovery(SignInTenant tenant, String user, String code) {
        return tenant.asFrontend().body(Map.of("userId", user, "method", "recovery_code", "code", code)).post("/v1/challenges");
    }
}
