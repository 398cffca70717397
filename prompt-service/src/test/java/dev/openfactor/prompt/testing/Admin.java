package dev.openfactor.prompt.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Registers clients through the admin API, as an operator would. */
public final class Admin {

    public static final String TOKEN = "test-admin-token-not-a-secret";
    public static final String ENTRA_REDIRECT = "https://login.microsoftonline.com/common/federation/externalauthprovider";

    private Admin() {
    }

    public static Map<String, Object> entraClient(FakeEntra entra) {
        Map<String, Object> body = new HashMap<>();
        body.put("tenantId", "tenant-1");
        body.put("tenantApiKey", "of_test_key_never_used_here");
        body.put("displayName", "Contoso");
        body.put("profile", "entra_eam");
        body.put("redirectUris", List.of(ENTRA_REDIRECT));
        body.put("relyingParty", Map.of("issuer", entra.issuer, "audience", entra.audience, "jwks", entra.publicJwks()));
        body.put("userClaim", "preferred_username");
        return body;
    }

    /** An Entra ID client registered under a fresh id, with its own fake Entra tenant. */
    public record Registered(String clientId, FakeEntra entra) {
    }

    public static Registered registerEntraClient() {
        FakeEntra entra = new FakeEntra("https://login.microsoftonline.com/" + UUID.randomUUID() + "/v2.0", "eam-app-" + UUID.randomUUID());
        String clientId = "eam-" + UUID.randomUUID();
        assertEquals(201, put(clientId, entraClient(entra)));
        return new Registered(clientId, entra);
    }

    public static int put(String clientId, Map<String, Object> body) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .put("/admin/v1/clients/" + clientId).then().extract().statusCode();
    }
}
