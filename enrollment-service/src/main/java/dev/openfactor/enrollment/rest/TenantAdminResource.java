package dev.openfactor.enrollment.rest;

import java.net.URI;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openfactor.enrollment.domain.Tenant;
import dev.openfactor.enrollment.service.TenantService;
import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.input.Text;
import dev.openfactor.platform.security.ApiKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Operator API: tenants and their API keys ({@code Authorization: Bearer <admin token>}). */
@Path("/admin/v1/tenants")
@Tag(name = "operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

    private final TenantService service;

    TenantAdminResource(TenantService service) {
        this.service = service;
    }

    public record CreateTenant(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "lowercase letters, digits and dashes, at most 63") String name,
            @NotBlank @Text(maxBytes = InputLimits.DISPLAY_NAME) String displayName) {
    }

    public record TenantView(String tenantId, String name, String displayName, Instant createdAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id(), t.name(), t.displayName(), t.createdAt());
        }
    }

    public record CreateApiKey(@NotBlank @Text(maxBytes = InputLimits.LABEL) String label) {
    }

    public record IssuedKeyView(String keyId, String apiKey, String label, Instant createdAt) {
    }

    @POST
    @Operation(summary = "Create a tenant")
    public Response create(@NotNull @Valid CreateTenant request) {
        Tenant tenant = service.create(request.name(), request.displayName());
        return Response.created(URI.create("/admin/v1/tenants/" + tenant.id())).entity(TenantView.of(tenant)).build();
    }

    @POST
    @Path("{tenantId}/api-keys")
    @Operation(summary = "Issue an API key; the key is shown in this response only")
    public Response issueApiKey(@PathParam("tenantId") String tenantId, @NotNull @Valid CreateApiKey request) {
        ApiKeys.IssuedApiKey key = service.issueApiKey(tenantId, request.label());
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedKeyView(key.keyId(), key.apiKey(), request.label(), key.createdAt()))
                .build();
    }

    @DELETE
    @Path("{tenantId}/api-keys/{keyId}")
    @Operation(summary = "Revoke an API key")
    public void revokeApiKey(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId) {
        service.revokeApiKey(tenantId, keyId);
    }
}
