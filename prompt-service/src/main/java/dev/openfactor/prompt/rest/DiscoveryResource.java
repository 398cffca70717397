package dev.openfactor.prompt.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.oidc.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OpenID Connect discovery and the JWKS (every published key with its x5c certificate). */
@Path("/")
public class DiscoveryResource {

    private final PromptConfig config;
    private final SigningKeys keys;

    DiscoveryResource(PromptConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    @GET
    @Path(".well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response discovery() {
        String issuer = config.issuer();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/authorize");
        d.put("token_endpoint", issuer + "/token");
        d.put("jwks_uri", issuer + "/jwks");
        d.put("scopes_supported", List.of("openid"));
        d.put("response_types_supported", List.of("id_token", "code"));
        d.put("response_modes_supported", List.of("form_post", "query"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("claims_supported", List.of("iss", "aud", "sub", "nonce", "iat", "exp", "auth_time", "acr", "amr", "tid"));
        d.put("claims_parameter_supported", true);
        d.put("request_parameter_supported", true);
        d.put("request_object_signing_alg_values_supported", List.of("RS256", "PS256", "ES256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic", "client_secret_post"));
        d.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "PS256", "ES256"));
        return Response.ok(d).header("Cache-Control", "public, max-age=300").build();
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return Response.ok(keys.publishedSet().toJSONObject(true)).header("Cache-Control", "public, max-age=300").build();
    }
}
