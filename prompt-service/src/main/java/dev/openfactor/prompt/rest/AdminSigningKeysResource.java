package dev.openfactor.prompt.rest;

import java.util.List;
import java.util.Map;

import dev.openfactor.prompt.oidc.SigningKeys;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Signing-key rotation: create the next key (published, not yet signing), wait until relying parties have
 * fetched the JWKS, activate it (the old one stays published), and retire the old one later.
 */
@Path("/admin/v1/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSigningKeysResource {

    private final SigningKeys keys;

    AdminSigningKeysResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    public List<Map<String, String>> list() {
        return keys.published().stream().map(k -> Map.of("kid", k.kid(), "state", k.state())).toList();
    }

    @POST
    public Response createNext() {
        return Response.status(201).entity(Map.of("kid", keys.createNext(), "state", "next")).build();
    }

    @POST
    @Path("/{kid}/activate")
    public Response activate(@PathParam("kid") String kid) {
        return keys.activate(kid) ? Response.ok(Map.of("kid", kid, "state", "active")).build()
                : Problems.response(404, "not_found", "Not found", "No published key with that id that is not already active.");
    }

    @DELETE
    @Path("/{kid}")
    public Response retire(@PathParam("kid") String kid) {
        return switch (keys.retire(kid)) {
            case RETIRED -> Response.noContent().build();
            case NOT_FOUND -> Problems.response(404, "not_found", "Not found", "No such key.");
            case ACTIVE -> Problems.response(409, "key_active", "Key is signing", "Activate another key before retiring this one.");
        };
    }
}
