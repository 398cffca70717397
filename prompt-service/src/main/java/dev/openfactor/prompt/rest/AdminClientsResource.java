package dev.openfactor.prompt.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.openfactor.prompt.service.Client;
import dev.openfactor.prompt.store.ClientStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Operators register relying parties: a PUT creates (201) or replaces (200); secrets are never shown back. */
@Path("/admin/v1/clients/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminClientsResource {

    private final ClientStore clients;

    AdminClientsResource(ClientStore clients) {
        this.clients = clients;
    }

    @PUT
    public Response register(@PathParam("clientId") String clientId, ClientRegistrationRequest request) {
        if (request == null) {
            return Problems.response(400, "validation_failed", "Invalid request", "A JSON body is required.");
        }
        Map<String, String> problems = request.problems(clientId);
        if (!problems.isEmpty()) {
            return Problems.response(400, "validation_failed", "Invalid request", "Some fields are invalid.",
                    Map.of("fields", problems));
        }
        Client client = request.toClient(clientId);
        boolean created = clients.save(client);
        return Response.status(created ? 201 : 200).entity(view(client)).build();
    }

    @GET
    public Response show(@PathParam("clientId") String clientId) {
        return clients.find(clientId).map(c -> Response.ok(view(c)).build()).orElseGet(AdminClientsResource::notFound);
    }

    @DELETE
    public Response remove(@PathParam("clientId") String clientId) {
        return clients.delete(clientId) ? Response.noContent().build() : notFound();
    }

    private static Response notFound() {
        return Problems.response(404, "not_found", "Not found", "No such client.");
    }

    private static Map<String, Object> view(Client c) {
        Map<String, Object> v = new LinkedHashMap<>();
        Client.Registration r = c.registration();
        v.put("clientId", c.clientId());
        v.put("tenantId", c.tenantId());
        v.put("displayName", c.displayName());
        v.put("applicationName", r.applicationName());
        v.put("profile", r.profile().name().toLowerCase(java.util.Locale.ROOT));
        v.put("redirectUris", r.redirectUris());
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("issuer", r.relyingParty().issuer());
        party.put("audience", r.relyingParty().audience());
        party.put(r.relyingParty().jwksUrl() != null ? "jwksUrl" : "jwks",
                r.relyingParty().jwksUrl() != null ? r.relyingParty().jwksUrl() : r.relyingParty().jwks());
        v.put("relyingParty", party);
        v.put("userClaim", r.userClaim());
        v.put("methods", r.methods());
        v.put("hasClientSecret", r.secretHash() != null);
        return v;
    }
}
