package dev.openfactor.prompt.rest;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.openfactor.prompt.service.Answer;
import dev.openfactor.prompt.service.AuthorizationRequests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The authorization endpoint, by GET (query) or POST (form, as Entra ID sends it). A verified request
 * becomes a prompt bound to this browser, and the browser goes to its first page.
 */
@Path("/authorize")
public class AuthorizeResource {

    private final AuthorizationRequests requests;
    private final BrowserBinding binding;
    private final AnswerResponses answers;

    AuthorizeResource(AuthorizationRequests requests, BrowserBinding binding, AnswerResponses answers) {
        this.requests = requests;
        this.binding = binding;
        this.answers = answers;
    }

    @GET
    public Response byQuery(@Context UriInfo uri, @Context HttpHeaders headers) {
        return authorize(uri.getQueryParameters(), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response byForm(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return authorize(form, headers);
    }

    private Response authorize(MultivaluedMap<String, String> raw, HttpHeaders headers) {
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            if (e.getValue().size() != 1) {
                return answers.of(new Answer.Refusal("invalid_request", "The sign-in request repeats the parameter " + e.getKey() + "."));
            }
            params.put(e.getKey(), e.getValue().get(0));
        }
        String browser = binding.of(headers).orElseGet(binding::newValue);
        AuthorizationRequests.Outcome outcome = requests.start(params, BrowserBinding.hash(browser));
        if (outcome.prompt() == null) {
            return answers.of(outcome.refusal());
        }
        return Response.seeOther(URI.create("/prompt/" + outcome.prompt().promptId())).cookie(binding.cookie(browser))
                .header("Cache-Control", "no-store").build();
    }
}
