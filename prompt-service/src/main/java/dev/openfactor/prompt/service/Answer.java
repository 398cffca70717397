package dev.openfactor.prompt.service;

import java.util.Map;

/** How the browser goes back to the relying party: a form POSTed to it, or a redirect with a query. */
public sealed interface Answer {

    String redirectUri();

    record FormPost(String redirectUri, Map<String, String> fields) implements Answer {
    }

    record Redirect(String redirectUri, Map<String, String> query) implements Answer {
    }

    /** An error before the redirect URI could be trusted: shown on our own page, never sent anywhere. */
    record Refusal(String error, String description) implements Answer {
        @Override
        public String redirectUri() {
            return null;
        }
    }
}
