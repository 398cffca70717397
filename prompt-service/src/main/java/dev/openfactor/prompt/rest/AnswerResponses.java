package dev.openfactor.prompt.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.openfactor.prompt.service.Answer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Turns an {@link Answer} into what the browser does next. */
@ApplicationScoped
public class AnswerResponses {

    private final Pages pages;

    AnswerResponses(Pages pages) {
        this.pages = pages;
    }

    public Response of(Answer answer) {
        if (answer instanceof Answer.Refusal r) {
            return pages.error(400, "We couldn't start the sign-in", r.description());
        }
        if (answer instanceof Answer.Redirect r) {
            return Response.seeOther(java.net.URI.create(withQuery(r.redirectUri(), r.query()))).header("Cache-Control", "no-store").build();
        }
        return formPost((Answer.FormPost) answer);
    }

    /** An auto-submitting form (its script is ours, CSP allows no inline code); a button if scripts are off. */
    private Response formPost(Answer.FormPost f) {
        List<Map<String, String>> fields = f.fields().entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList();
        String body = pages.render("answer", Map.of("action", f.redirectUri(), "fields", fields));
        return Pages.html(200, body, Pages.origin(f.redirectUri()));
    }

    static String withQuery(String uri, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return uri + (uri.contains("?") ? "&" : "?") + q;
    }
}
