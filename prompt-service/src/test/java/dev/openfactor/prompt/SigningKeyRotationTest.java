package dev.openfactor.prompt;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import dev.openfactor.prompt.oidc.IdTokens;
import dev.openfactor.prompt.testing.Admin;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Rotation: a new key is published before it signs; the old one stays published until retired. */
@QuarkusTest
class SigningKeyRotationTest {

    @Inject
    IdTokens idTokens;

    @Test
    void publishFirstThenSwitchThenRetire() throws Exception {
        String before = kidOf(token());
        String next = given().auth().oauth2(Admin.TOKEN).post("/admin/v1/signing-keys").then().statusCode(201).extract().path("kid");
        assertTrue(published().contains(next) && published().contains(before), "both published");
        assertEquals(before, kidOf(token()), "still signs with the old key until told to switch");

        given().auth().oauth2(Admin.TOKEN).post("/admin/v1/signing-keys/" + next + "/activate").then().statusCode(200);
        SignedJWT signed = SignedJWT.parse(token());
        assertEquals(next, signed.getHeader().getKeyID());
        RSAKey key = (RSAKey) JWKSet.parse(given().get("/jwks").asString()).getKeyByKeyId(next);
        assertTrue(signed.verify(new RSASSAVerifier(key)), "verifies against the published key");
        assertTrue(published().contains(before), "the old key stays published after the switch");

        given().auth().oauth2(Admin.TOKEN).delete("/admin/v1/signing-keys/" + next).then().statusCode(409);
        given().auth().oauth2(Admin.TOKEN).delete("/admin/v1/signing-keys/" + before).then().statusCode(204);
        assertFalse(published().contains(before));
        given().auth().oauth2(Admin.TOKEN).post("/admin/v1/signing-keys/" + before + "/activate").then().statusCode(404);
        given().post("/admin/v1/signing-keys").then().statusCode(401);
    }

    private String token() {
        return idTokens.issue(new IdTokens.Statement("client", "sub", "n", "possessionorinherence", "swk", Instant.now(), null));
    }

    private static String kidOf(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }

    private static List<String> published() throws Exception {
        return JWKSet.parse(given().get("/jwks").asString()).getKeys().stream().map(k -> k.getKeyID()).toList();
    }
}
