package dev.openfactor.prompt.rest;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.prompt.client.EnrollmentClient;
import dev.openfactor.prompt.client.PeerCallException;
import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.service.Prompt;
import dev.openfactor.prompt.store.PromptStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Adding a method, the same way in the registration wizard and on the security-info page: the app's
 * activation (QR, code and URL straight from enrollment-service, never stored here) and a phone verified by
 * the code sent to it. {@code flow} is the path under the prompt that the pages link back to.
 */
@ApplicationScoped
public class MethodSetup {

    static final String OFFICE = "office";
    static final String MOBILE = "mobile";

    private final PromptStore prompts;
    private final EnrollmentClient enrollment;
    private final Pages pages;
    private final PromptConfig config;

    MethodSetup(PromptStore prompts, EnrollmentClient enrollment, Pages pages, PromptConfig config) {
        this.prompts = prompts;
        this.enrollment = enrollment;
        this.pages = pages;
        this.config = config;
    }

    /** "Configure mobile app" for a new activation. */
    Response startApp(PromptAccess.Bound b, String flow) {
        Prompt p = b.prompt();
        JsonNode activation = enrollment.startActivation(b.client().tenantApiKey(), p.userId());
        prompts.activation(p.promptId(), activation.path("activationId").asText());
        return pages.prompt(p, b.client(), "register-app", Map.of(
                "qr", activation.path("qrPngBase64").asText(),
                "code", activation.path("activationCode").asText(),
                "url", activation.path("activationUrl").asText(),
                "authenticatorUrl", config.authenticatorUrl(),
                "flow", flow));
    }

    /** The prompt's activation: none, waiting, activated or expired; waits up to {@code waitSeconds} for a change. */
    String activationStatus(PromptAccess.Bound b, int waitSeconds) {
        if (b.prompt().activationId() == null) {
            return "none";
        }
        return enrollment.activation(b.client().tenantApiKey(), b.prompt().userId(), b.prompt().activationId(), waitSeconds)
                .path("status").asText();
    }

    Response activationStatusJson(PromptAccess.Bound b) {
        return Response.ok(Map.of("status", activationStatus(b, config.longPollSeconds()))).header("Cache-Control", "no-store").build();
    }

    /** Adds a phone and sends its code; the message to show when that did not happen. */
    Optional<String> addPhone(PromptAccess.Bound b, String type, String number, String extension) {
        String cleaned = number == null ? "" : number.replaceAll("[\\s().-]", "");
        if (!cleaned.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.of("Enter the number with its country code, like +1 425 555 0100.");
        }
        try {
            JsonNode phone = enrollment.addPhone(b.client().tenantApiKey(), b.prompt().userId(), type, cleaned,
                    OFFICE.equals(type) ? extension : null);
            prompts.phone(b.prompt().promptId(), phone.path("methodId").asText());
            prompts.wizard(b.prompt().promptId(), "phoneType", type);
            prompts.wizard(b.prompt().promptId(), "phoneNumber", cleaned);
            return Optional.empty();
        } catch (PeerCallException e) {
            return Optional.of(e.status == 429 ? "Too many codes were sent to this number. Try again later, or use another number."
                    : "We couldn't use that phone number. Check it and try again.");
        }
    }

    /** The code typed for the prompt's new phone; false when it was wrong. */
    boolean confirmPhone(PromptAccess.Bound b, String code) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        try {
            enrollment.confirmPhone(b.client().tenantApiKey(), b.prompt().userId(), b.prompt().phoneMethodId(), typed);
            prompts.wizard(b.prompt().promptId(), "phoneConfirmed", "1");
            return true;
        } catch (PeerCallException e) {
            if (e.status == 422 || e.status == 400) {
                return false;
            }
            throw e;
        }
    }

    /** "Verify your phone": the code went by text, or by a call to an office phone. */
    Response phonePage(PromptAccess.Bound b, String error, String flow) {
        Prompt p = b.prompt();
        boolean office = OFFICE.equals(p.wizard("phoneType"));
        String number = p.wizard("phoneNumber") == null ? "your phone" : p.wizard("phoneNumber");
        return pages.prompt(p, b.client(), "register-phone", Map.of("office", office, "number", number, "error", error, "flow", flow));
    }
}
