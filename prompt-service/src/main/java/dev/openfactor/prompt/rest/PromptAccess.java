package dev.openfactor.prompt.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.service.Client;
import dev.openfactor.prompt.service.Prompt;
import dev.openfactor.prompt.store.ClientStore;
import dev.openfactor.prompt.store.PromptStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every prompt page starts here: the prompt must exist, belong to this browser's cookie and still be open;
 * every form must carry the prompt's CSRF token and, when the browser names one, come from our own origin.
 */
@ApplicationScoped
public class PromptAccess {

    /** A prompt with its client, as a page request may use it. */
    public record Bound(Prompt prompt, Client client) {
    }

    private final PromptStore prompts;
    private final ClientStore clients;
    private final BrowserBinding binding;
    private final Clock clock;
    private final String origin;

    PromptAccess(PromptStore prompts, ClientStore clients, BrowserBinding binding, Clock clock, PromptConfig config) {
        this.prompts = prompts;
        this.clients = clients;
        this.binding = binding;
        this.clock = clock;
        URI issuer = URI.create(config.issuer());
        this.origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    /** The prompt if this browser owns it and it is still open. */
    public Bound open(String promptId, HttpHeaders headers) {
        Bound bound = owned(promptId, headers);
        if (!bound.prompt().open(clock.instant())) {
            throw PageException.expired();
        }
        return bound;
    }

    /** The prompt if this browser owns it, whatever its state. */
    public Bound owned(String promptId, HttpHeaders headers) {
        Optional<Prompt> prompt = prompts.find(promptId);
        Optional<String> browser = binding.of(headers);
        if (prompt.isEmpty() || browser.isEmpty() || !same(BrowserBinding.hash(browser.get()), prompt.get().browserHash())) {
            throw PageException.expired();
        }
        Client client = clients.find(prompt.get().clientId()).orElseThrow(PageException::expired);
        return new Bound(prompt.get(), client);
    }

    /** A form post of an open prompt: owned, open, same origin, right CSRF token. */
    public Bound form(String promptId, HttpHeaders headers, String csrf) {
        return form(promptId, headers, csrf, true);
    }

    /** A form post of a prompt this browser owns, open or ended (to take its answer). */
    public Bound form(String promptId, HttpHeaders headers, String csrf, boolean mustBeOpen) {
        sameOrigin(headers);
        Bound bound = mustBeOpen ? open(promptId, headers) : owned(promptId, headers);
        checkCsrf(bound, csrf);
        return bound;
    }

    private void sameOrigin(HttpHeaders headers) {
        String from = headers.getHeaderString("Origin");
        if (from != null && !from.equals(origin)) {
            throw PageException.forbidden();
        }
    }

    private static void checkCsrf(Bound bound, String csrf) {
        if (csrf == null || !same(csrf, bound.prompt().csrfToken())) {
            throw PageException.forbidden();
        }
    }

    /**
     * A security-info prompt whose second factor was just proven and which has not answered yet: the only
     * way to the security-info page, so every change there follows a fresh second factor in this browser.
     */
    public Bound managing(String promptId, HttpHeaders headers) {
        Bound bound = owned(promptId, headers);
        Prompt p = bound.prompt();
        if (p.status() != Prompt.Status.DONE || !p.managesSecurityInfo() || !clock.instant().isBefore(p.expiresAt())) {
            throw PageException.expired();
        }
        return bound;
    }

    /** A form post of the security-info page: as {@link #managing}, same origin, right CSRF token. */
    public Bound managingForm(String promptId, HttpHeaders headers, String csrf) {
        sameOrigin(headers);
        Bound bound = managing(promptId, headers);
        checkCsrf(bound, csrf);
        return bound;
    }

    /** The same prompt, read again after a change. */
    public Bound reload(Bound bound) {
        return new Bound(prompts.find(bound.prompt().promptId()).orElseThrow(PageException::expired), bound.client());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
