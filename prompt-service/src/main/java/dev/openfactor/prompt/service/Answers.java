package dev.openfactor.prompt.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.oidc.IdTokens;
import dev.openfactor.prompt.store.CodeStore;
import dev.openfactor.prompt.store.PromptStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends a finished prompt back to its relying party, once: an id_token, a code, or access_denied. */
@ApplicationScoped
public class Answers {

    private final PromptStore prompts;
    private final CodeStore codes;
    private final IdTokens idTokens;
    private final PromptConfig config;
    private final Clock clock;

    Answers(PromptStore prompts, CodeStore codes, IdTokens idTokens, PromptConfig config, Clock clock) {
        this.prompts = prompts;
        this.codes = codes;
        this.idTokens = idTokens;
        this.config = config;
        this.clock = clock;
    }

    /** Empty when the prompt was already answered or has not ended. */
    public Optional<Answer> answer(Prompt prompt, Client client) {
        Optional<Prompt.Status> ended = prompts.answer(prompt.promptId());
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        if (ended.get() == Prompt.Status.REFUSED) {
            return Optional.of(AuthorizationRequests.errorTo(client, prompt.redirectUri(), prompt.state(), "access_denied",
                    "The user did not complete the second factor."));
        }
        Prompt done = prompts.find(prompt.promptId()).orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        if (done.flow() == Prompt.Flow.ID_TOKEN) {
            fields.put("id_token", idTokens.issue(statement(done)));
            if (done.state() != null) {
                fields.put("state", done.state());
            }
            return Optional.of(new Answer.FormPost(done.redirectUri(), fields));
        }
        fields.put("code", codes.issue(done.promptId(), clock.instant().plus(config.codeLifetime())));
        fields.put("state", done.state());
        fields.put("iss", config.issuer());
        return Optional.of(new Answer.Redirect(done.redirectUri(), fields));
    }

    /** What the id_token says about a prompt that ended well. */
    public IdTokens.Statement statement(Prompt done) {
        return new IdTokens.Statement(done.clientId(), done.subject(), done.nonce(), Acr.choose(done.acrValues()).orElseThrow(),
                done.amr(), done.createdAt(), done.tenantHint());
    }
}
