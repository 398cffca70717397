package dev.openfactor.verification.rest;

import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfactor.verification.testdata.Codes;
import dev.openfactor.verification.testdata.ProfileBuilder;
import dev.openfactor.verification.testdata.ProfileTopic;
import dev.openfactor.verification.testdata.SignInTenant;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Finding 4 of issue 12: the code that confirmed a TOTP credential at enrollment is not accepted
 * again at sign-in. Enrollment puts the confirming step in the snapshot (its TotpConfirmationTest);
 * the projection seeds the replay state with it.
 */
@QuarkusTest
class TotpConfirmationReplayTest extends SignInSuite {

    /** RFC 6238 Appendix B: T = 1111111109 s (step 37037036), SHA1 seed. */
    private static final Instant RFC_TIME = Instant.ofEpochSecond(1111111109L);
    private static final long RFC_STEP = 1111111109L / 30;

    @Test
    void theCodeThatConfirmedTheCredentialIsDeniedAtSignIn() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = SignInTenant.newUserId();
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.confirmedTotp(Codes.rfcSeed(), "SHA1", 6, 30, RFC_STEP);
        publish(tenant, user, profile);
        clock.freezeAt(RFC_TIME);

        totp(tenant, user, code(RFC_STEP)).then().statusCode(200)
                .body("status", equalTo("denied")).body("remainingAttempts", equalTo(9));
        totp(tenant, user, code(RFC_STEP + 1)).then().statusCode(200)
                .body("status", equalTo("approved")).body("remainingAttempts", equalTo(10));
    }

    @Test
    void aLaterSnapshotWithTheConfirmingStepNeverReopensAStepUsedSince() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        String user = SignInTenant.newUserId();
        ProfileBuilder profile = new ProfileBuilder(tenant.tenantId(), user);
        profile.confirmedTotp(Codes.rfcSeed(), "SHA1", 6, 30, RFC_STEP - 1);
        publish(tenant, user, profile);
        clock.freezeAt(RFC_TIME);
        totp(tenant, user, code(RFC_STEP + 1)).then().statusCode(200).body("status", equalTo("approved"));

        // Any later change to the profile republishes the credential with its (older) confirming step.
        ProfileTopic.publish(kafka, profile.version(2).build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 2);

        totp(tenant, user, code(RFC_STEP + 1)).then().statusCode(200).body("status", equalTo("denied"));
        totp(tenant, user, code(RFC_STEP)).then().statusCode(200).body("status", equalTo("denied"));
    }

    private void publish(SignInTenant tenant, String user, ProfileBuilder profile) {
        ProfileTopic.publish(kafka, profile.build());
        ProfileTopic.awaitVersion(profiles, tenant.tenantId(), user, 1);
    }

    private static String code(long step) {
        return Codes.totp(Codes.rfcSeed(), "SHA1", 6, step);
    }

    private static Response totp(SignInTenant tenant, String user, String code) {
        return tenant.asFrontend().body(Map.of("userId", user, "method", "totp", "code", code)).post("/v1/challenges");
    }
}
