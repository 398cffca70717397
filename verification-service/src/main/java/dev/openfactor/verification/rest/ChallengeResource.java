package dev.openfactor.verification.rest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openfactor.platform.longpoll.LongPoll;
import dev.openfactor.platform.security.TenantContext;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.service.ChallengeEvents;
import dev.openfactor.verification.service.ChallengeRequest;
import dev.openfactor.verification.service.ChallengeService;
import dev.openfactor.verification.service.CodeChecks;
import dev.openfactor.verification.service.Outcome;
import io.smallrye.mutiny.Uni;
import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.input.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sign-in challenges for login frontends ({@code Authorization: Bearer <api key>}). */
@Path("/v1/challenges")
@Tag(name = "sign-in")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChallengeResource {

    private final ChallengeService challenges;
    private final CodeChecks checks;
    private final LongPoll longPoll;
    private final TenantContext tenant;
    private final Clock clock;

    ChallengeResource(ChallengeService challenges, CodeChecks checks, LongPoll longPoll, TenantContext tenant, Clock clock) {
        this.challenges = challenges;
        this.checks = checks;
        this.longPoll = longPoll;
        this.tenant = tenant;
        this.clock = clock;
    }

    public record Context(@Text(maxBytes = InputLimits.CONTEXT_VALUE) String application,
            @Text(maxBytes = InputLimits.IP_ADDRESS) String ipAddress,
            @Text(maxBytes = InputLimits.CONTEXT_VALUE) String location,
            @Text(maxBytes = InputLimits.CONTEXT_VALUE) String userAgent) {

        Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            if (application != null) {
                m.put("application", application);
            }
            if (location != null) {
                m.put("location", location);
            }
            if (ipAddress != null) {
                m.put("ipAddress", ipAddress);
            }
            if (userAgent != null) {
                m.put("userAgent", userAgent);
            }
            return m;
        }
    }

    public record NewChallenge(@NotBlank @Text(maxBytes = InputLimits.ID) String userId, @NotNull ChallengeMethod method,
            @Text(maxBytes = InputLimits.ID) String methodId, @Text(maxBytes = InputLimits.CODE) String code,
            @Valid Context context) {

        @Override
        public String toString() {
            return "NewChallenge[" + method + "]";
        }
    }

    public record Code(@NotBlank @Text(maxBytes = InputLimits.CODE) String code) {
        @Override
        public String toString() {
            return "Code[redacted]";
        }
    }

    @POST
    @Operation(summary = "Start a sign-in challenge: push (201, shows numberMatch), sms/voice (201), totp/recovery_code with code (200)")
    public Response create(@NotNull @Valid NewChallenge body) {
        Outcome o = challenges.create(tenant.tenantId(), new ChallengeRequest(body.userId(), body.method(), body.methodId(),
                body.code(), body.context() == null ? Map.of() : body.context().asMap()));
        boolean decided = o.challenge().status(clock.instant()) != ChallengeStatus.PENDING;
        return Response.status(decided ? 200 : 201)
                .entity(decided ? ChallengeView.decided(o, clock.instant()) : ChallengeView.created(o, clock.instant())).build();
    }

    @GET
    @Path("{challengeId}")
    @Operation(summary = "Challenge status; long-polls up to waitSeconds (≤ 30) for a change")
    public Uni<ChallengeView> get(@PathParam("challengeId") String challengeId,
            @QueryParam("waitSeconds") @Min(0) @Max(30) Integer waitSeconds) {
        String tenantId = tenant.tenantId();
        return longPoll.await(ChallengeEvents.key(challengeId), waitSeconds == null ? 0 : waitSeconds,
                () -> ChallengeView.of(challenges.get(tenantId, challengeId), clock.instant()),
                view -> view.status() != ChallengeStatus.PENDING, ChallengeView::expiresAt);
    }

    @POST
    @Path("{challengeId}/verify")
    @Operation(summary = "Answer an SMS, voice or TOTP challenge with its code")
    public ChallengeView verify(@PathParam("challengeId") String challengeId, @NotNull @Valid Code body) {
        return ChallengeView.decided(checks.verify(tenant.tenantId(), challengeId, body.code()), clock.instant());
    }

    @DELETE
    @Path("{challengeId}")
    public ChallengeView cancel(@PathParam("challengeId") String challengeId) {
        return ChallengeView.of(challenges.cancel(tenant.tenantId(), challengeId), clock.instant());
    }
}
