package dev.openfactor.prompt.rest;

import java.net.URI;
import java.util.Map;

import dev.openfactor.prompt.service.Client;
import dev.openfactor.prompt.service.Prompt;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Renders a page with its Content-Security-Policy. Forms may go to this service and, for a prompt, to its
 * relying party's origin (the answer is a form POST or a redirect there): nothing else.
 */
@ApplicationScoped
public class Pages {

    private final Engine engine;

    Pages(Engine engine) {
        this.engine = engine;
    }

    /** A page of a prompt: the common data every template uses, plus {@code data}. */
    public Response prompt(Prompt prompt, Client client, String template, Map<String, Object> data) {
        TemplateInstance page = engine.getTemplate(template).instance()
                .data("org", client.displayName())
                .data("userId", prompt.userId())
                .data("csrf", prompt.csrfToken())
                .data("base", "/prompt/" + prompt.promptId())
                .data("flow", "/register"); // the method-setup pages are shared with /security-info, which sets its own
        data.forEach(page::data);
        return html(200, page.render(), origin(prompt.redirectUri()));
    }

    public Response standalone(int status, String template, Map<String, Object> data) {
        return html(status, render(template, data), null);
    }

    public String render(String template, Map<String, Object> data) {
        TemplateInstance page = engine.getTemplate(template).instance();
        data.forEach(page::data);
        return page.render();
    }

    public Response error(int status, String heading, String message) {
        return standalone(status, "error", Map.of("heading", heading, "message", message));
    }

    static Response html(int status, String body, String formTarget) {
        String formAction = formTarget == null ? "'self'" : "'self' " + formTarget;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(body)
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self'; form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'")
                .header("Cache-Control", "no-store")
                .build();
    }

    static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
