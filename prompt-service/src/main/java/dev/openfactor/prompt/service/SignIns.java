package dev.openfactor.prompt.service;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.prompt.client.PeerCallException;
import dev.openfactor.prompt.client.VerificationClient;
import dev.openfactor.prompt.store.PromptStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A prompt's second factor through verification-service: starts the chosen method, follows its challenge,
 * checks typed codes. An approval comes only from verification-service's answer, never from the browser.
 */
@ApplicationScoped
public class SignIns {

    /**
     * What a started or checked method came to: {@code status} as verification-service names it, or an error
     * code; {@code amr} is set once approved.
     */
    public record Progress(String status, String number, Integer remainingAttempts, String amr) {

        public Progress(String status, String number, Integer remainingAttempts) {
            this(status, number, remainingAttempts, null);
        }

        public boolean approved() {
            return "approved".equals(status);
        }
    }

    private final VerificationClient verification;
    private final PromptStore prompts;

    SignIns(VerificationClient verification, PromptStore prompts) {
        this.verification = verification;
        this.prompts = prompts;
    }

    /** Push, SMS and voice start a challenge now; for typed codes (app, recovery) there is nothing to start. */
    public Progress start(Prompt prompt, Client client, SignInOption option, VerificationClient.Context context) {
        prompts.wizard(prompt.promptId(), "option", option.key());
        prompts.wizard(prompt.promptId(), "number", "");
        if (option.method() == Method.TOTP || option.method() == Method.RECOVERY_CODE) {
            prompts.challenge(prompt.promptId(), null);
            return new Progress("pending", null, null);
        }
        try {
            JsonNode started = verification.start(client.tenantApiKey(), prompt.userId(), option.method().wire, option.methodId(), null,
                    context);
            prompts.challenge(prompt.promptId(), started.path("challengeId").asText());
            String number = started.path("numberMatch").asText(null);
            if (number != null) {
                prompts.wizard(prompt.promptId(), "number", number);
            }
            return new Progress("pending", number, null);
        } catch (PeerCallException e) {
            return new Progress(refusal(e), null, null);
        }
    }

    /** The current challenge's status, waiting up to {@code waitSeconds} for a change. */
    public Progress follow(Prompt prompt, Client client, int waitSeconds) {
        if (prompt.challengeId() == null) {
            return new Progress("pending", null, null);
        }
        try {
            JsonNode status = verification.status(client.tenantApiKey(), prompt.challengeId(), waitSeconds);
            String state = status.path("status").asText();
            return new Progress(state, prompt.wizard("number"), null,
                    "approved".equals(state) ? amrOf(status.path("method").asText()) : null);
        } catch (PeerCallException e) {
            return new Progress(e.status == 404 ? "expired" : refusal(e), null, null);
        }
    }

    /** A code typed on the page, for the prompt's current option. */
    public Progress submitCode(Prompt prompt, Client client, SignInOption option, String code, VerificationClient.Context context) {
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (typed.isEmpty() || typed.length() > 64) {
            return new Progress("invalid_code", null, null);
        }
        try {
            JsonNode answer = switch (option.method()) {
                case TOTP, RECOVERY_CODE -> verification.start(client.tenantApiKey(), prompt.userId(), option.method().wire, null, typed,
                        context);
                default -> verification.verify(client.tenantApiKey(), prompt.challengeId(), typed);
            };
            String state = answer.path("status").asText();
            return new Progress(state, null, answer.hasNonNull("remainingAttempts") ? answer.get("remainingAttempts").asInt() : null,
                    "approved".equals(state) ? option.method().amr : null);
        } catch (PeerCallException e) {
            Integer left = e.body != null && e.body.hasNonNull("remainingAttempts") ? e.body.get("remainingAttempts").asInt() : null;
            return new Progress(refusal(e), null, left);
        }
    }

    /** Withdraws the current challenge (a push nobody will answer leaves the phone). */
    public void cancel(Prompt prompt, Client client) {
        verification.cancel(client.tenantApiKey(), prompt.challengeId());
        prompts.challenge(prompt.promptId(), null);
    }

    /** Ends the prompt well if the progress is an approval; true if it did. */
    public boolean finish(Prompt prompt, Progress progress) {
        return progress.approved() && prompts.done(prompt.promptId(), progress.amr());
    }

    private static String amrOf(String method) {
        return Method.of(method).map(m -> m.amr).orElse("mfa");
    }

    /** verification-service's refusals, as the page words them (see templates/outcome.html). */
    private static String refusal(PeerCallException e) {
        if (e.status == 423) {
            return "locked";
        }
        if (e.status == 429) {
            return "rate_limited";
        }
        if (e.status == 409) {
            return "registration_required";
        }
        if (e.status == 422) {
            return e.code.isEmpty() ? "invalid_code" : e.code;
        }
        return e.code.isEmpty() ? "failed" : e.code;
    }
}
