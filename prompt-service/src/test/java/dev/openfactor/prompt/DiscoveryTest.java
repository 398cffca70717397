package dev.openfactor.prompt;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DiscoveryTest {

    @Test
    void discoveryDocumentHasTheEntraExternalMethodProfile() {
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo("https://mfa-login.contoso.example"))
                .body("authorization_endpoint", equalTo("https://mfa-login.contoso.example/authorize"))
                .body("jwks_uri", equalTo("https://mfa-login.contoso.example/jwks"))
                .body("response_types_supported", org.hamcrest.Matchers.hasItem("id_token"))
                .body("response_modes_supported", org.hamcrest.Matchers.hasItem("form_post"))
                .body("id_token_signing_alg_values_supported", contains("RS256"))
                .body("code_challenge_methods_supported", contains("S256"));
    }

    @Test
    void everyPublishedKeyCarriesItsCertificateAndNoPrivatePart() throws Exception {
        String body = given().get("/jwks").then().statusCode(200).extract().asString();
        JWKSet set = JWKSet.parse(body);
        assertFalse(set.getKeys().isEmpty());
        for (var jwk : set.getKeys()) {
            RSAKey key = (RSAKey) jwk;
            assertFalse(key.isPrivate(), "no private part in the JWKS");
            assertEquals("RS256", key.getAlgorithm().getName());
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(key.getX509CertChain().get(0).decode()));
            assertEquals(key.toRSAPublicKey(), cert.getPublicKey(), "x5c holds the same public key");
            cert.verify(cert.getPublicKey());
        }
        List<Map<String, Object>> keys = JsonPath.from(body).getList("keys");
        assertTrue(keys.stream().noneMatch(k -> k.containsKey("d")), "raw JSON has no d");
        assertTrue(Base64.getDecoder().decode((String) ((List<?>) keys.get(0).get("x5c")).get(0)).length > 300);
    }
}
