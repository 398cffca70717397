package dev.openfactor.enrollment.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.enrollment.service.ActivationService;
import dev.openfactor.enrollment.service.AppActivation;
import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.input.Text;
import dev.openfactor.platform.otp.OtpAlgorithm;
import dev.openfactor.platform.security.Unauthenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The phone app activates with the code the page showed; the code is its only credential. */
@Path("/v1/activations/{ref}")
@Tag(name = "app")
@Unauthenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AppActivationResource {

    private final ActivationService service;

    AppActivationResource(ActivationService service) {
        this.service = service;
    }

    public record ActivationRequest(
            @NotBlank @Pattern(regexp = "[0-9]{3} ?[0-9]{3} ?[0-9]{3}", message = "must be 9 digits") String activationCode,
            @NotBlank @Text(maxBytes = InputLimits.PUBLIC_KEY) String devicePublicKey,
            @NotNull PushPlatform pushPlatform,
            @Text(maxBytes = InputLimits.PUSH_TOKEN) String pushToken,
            @NotBlank @Text(maxBytes = InputLimits.LABEL) String deviceName,
            @Text(maxBytes = InputLimits.APP_VERSION) String appVersion) {

        @Override
        public String toString() {
            return "ActivationRequest[" + pushPlatform + "]";
        }
    }

    public record TenantView(String name, String displayName) {
    }

    public record TotpView(String secret, OtpAlgorithm algorithm, int digits, int period) {
        @Override
        public String toString() {
            return "TotpView[redacted]";
        }
    }

    /**
     * {@code enrollmentUrl} and {@code verificationUrl} are where the app sends its signed requests;
     * {@code vapidPublicKey} (null when Web Push is not set up) is its Web Push applicationServerKey.
     */
    public record ActivationResult(String deviceId, String methodId, TenantView tenant, String userId, TotpView totp,
            int pollIntervalSeconds, String enrollmentUrl, String verificationUrl, String vapidPublicKey) {
    }

    @POST
    @Operation(summary = "Activate the app: registers its P-256 key and push address; returns its TOTP secret")
    public ActivationResult activate(@PathParam("ref") @Pattern(regexp = "[0-9]{1,20}") String ref,
            @NotNull @Valid ActivationRequest body) {
        ActivationService.Activated a = service.activate(ref, new AppActivation(body.activationCode().replace(" ", ""),
                body.devicePublicKey(), body.pushPlatform(), body.pushToken(), body.deviceName(), body.appVersion()));
        var paired = a.paired();
        return new ActivationResult(paired.device().id(), paired.method().id(),
                new TenantView(a.tenant().name(), a.tenant().displayName()), a.userId(),
                new TotpView(paired.totpSecretBase32(), paired.totp().algorithm(), paired.totp().digits(),
                        paired.totp().period()),
                a.pollIntervalSeconds(), a.endpoints().enrollmentUrl(), a.endpoints().verificationUrl(),
                a.endpoints().vapidPublicKey().orElse(null));
    }
}
