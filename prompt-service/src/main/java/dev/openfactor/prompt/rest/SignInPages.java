package dev.openfactor.prompt.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.openfactor.prompt.client.EnrollmentClient;
import dev.openfactor.prompt.client.VerificationClient;
import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.service.Answers;
import dev.openfactor.prompt.service.MfaUser;
import dev.openfactor.prompt.service.Prompt;
import dev.openfactor.prompt.service.SignInOption;
import dev.openfactor.prompt.service.SignIns;
import dev.openfactor.prompt.store.PromptStore;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The sign-in pages of a prompt: "Approve sign-in request" with the number to type, a code form for the
 * other methods, "I can't use my Authenticator app right now", outcomes with a retry, and the way back.
 */
@Path("/prompt/{promptId}")
public class SignInPages {

    private final PromptAccess access;
    private final PromptStore prompts;
    private final EnrollmentClient enrollment;
    private final SignIns signIns;
    private final Answers answers;
    private final AnswerResponses answerResponses;
    private final Pages pages;
    private final PromptConfig config;

    SignInPages(PromptAccess access, PromptStore prompts, EnrollmentClient enrollment, SignIns signIns, Answers answers,
            AnswerResponses answerResponses, Pages pages, PromptConfig config) {
        this.access = access;
        this.prompts = prompts;
        this.enrollment = enrollment;
        this.signIns = signIns;
        this.answers = answers;
        this.answerResponses = answerResponses;
        this.pages = pages;
        this.config = config;
    }

    /** Registration first when the user has nothing to sign in with; else the current or default method. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response current(@PathParam("promptId") String promptId, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        PromptAccess.Bound b = access.owned(promptId, headers);
        if (b.prompt().status() == Prompt.Status.DONE) {
            return pages.prompt(b.prompt(), b.client(), "approved", Map.of());
        }
        b = access.open(promptId, headers);
        Prompt p = b.prompt();
        if (p.wizard("registering") != null) {
            return see(p, "/register");
        }
        MfaUser user = user(b);
        if (!user.registered()) {
            prompts.wizard(p.promptId(), "registering", "1");
            return see(p, "/register");
        }
        List<SignInOption> options = SignInOption.all(user, b.client().methods());
        if (options.isEmpty()) {
            return pages.prompt(p, b.client(), "outcome", Map.of("status", "no_method"));
        }
        Optional<SignInOption> chosen = Optional.ofNullable(p.wizard("option")).flatMap(k -> SignInOption.find(options, k));
        if (chosen.isEmpty()) {
            SignIns.Progress started = signIns.start(p, b.client(), options.get(0), context(b, headers, request));
            return render(access.reload(b), options.get(0), started, null);
        }
        if (chosen.get().typesACode() && p.challengeId() == null) {
            return render(b, chosen.get(), new SignIns.Progress("pending", null, null), null);
        }
        SignIns.Progress progress = signIns.follow(p, b.client(), 0);
        return render(b, chosen.get(), progress, null);
    }

    @GET
    @Path("/other")
    @Produces(MediaType.TEXT_HTML)
    public Response other(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.open(promptId, headers);
        List<SignInOption> options = SignInOption.all(user(b), b.client().methods());
        return pages.prompt(b.prompt(), b.client(), "other", Map.of("options",
                options.stream().map(o -> Map.of("key", o.key(), "text", o.text())).toList()));
    }

    @POST
    @Path("/method")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("option") String key,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        PromptAccess.Bound b = access.form(promptId, headers, csrf);
        SignInOption option = SignInOption.find(SignInOption.all(user(b), b.client().methods()), key == null ? "" : key)
                .orElseThrow(PageException::forbidden);
        cancelCurrent(b);
        signIns.start(b.prompt(), b.client(), option, context(b, headers, request));
        return see(b.prompt(), "");
    }

    /** Starts the current method again (a new push, a new text or call). */
    @POST
    @Path("/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        PromptAccess.Bound b = access.form(promptId, headers, csrf);
        Optional<SignInOption> current = Optional.ofNullable(b.prompt().wizard("option"))
                .flatMap(k -> SignInOption.find(SignInOption.all(user(b), b.client().methods()), k));
        cancelCurrent(b);
        current.ifPresent(o -> signIns.start(b.prompt(), b.client(), o, context(b, headers, request)));
        return see(b.prompt(), "");
    }

    @POST
    @Path("/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response code(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("code") String code,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        PromptAccess.Bound b = access.form(promptId, headers, csrf);
        SignInOption option = Optional.ofNullable(b.prompt().wizard("option"))
                .flatMap(k -> SignInOption.find(SignInOption.all(user(b), b.client().methods()), k))
                .filter(SignInOption::typesACode).orElseThrow(PageException::forbidden);
        SignIns.Progress progress = signIns.submitCode(b.prompt(), b.client(), option, code, context(b, headers, request));
        if (signIns.finish(b.prompt(), progress)) {
            return answer(b);
        }
        return render(b, option, progress, progress.status());
    }

    /** Long-poll for the page's script: answers when the challenge changes, or after the wait. */
    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.owned(promptId, headers);
        if (b.prompt().status() == Prompt.Status.DONE) {
            return json("approved");
        }
        if (b.prompt().status() != Prompt.Status.OPEN) {
            return json("ended");
        }
        SignIns.Progress progress = signIns.follow(b.prompt(), b.client(), config.longPollSeconds());
        return json(progress.status());
    }

    /** After an approval: checked again server-side, then the answer goes to the relying party. */
    @POST
    @Path("/continue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response proceed(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.form(promptId, headers, csrf, false);
        if (b.prompt().status() == Prompt.Status.OPEN) {
            b = access.open(promptId, headers);
            String proven = b.prompt().wizard("proven");
            if (b.prompt().wizard("registering") != null) {
                if (proven == null) {
                    return see(b.prompt(), "/register");
                }
                prompts.done(b.prompt().promptId(), proven);
            } else if (!signIns.finish(b.prompt(), signIns.follow(b.prompt(), b.client(), 0))) {
                return see(b.prompt(), "");
            }
        }
        return answer(b);
    }

    /** "Return to the application" without signing in: the relying party gets access_denied. */
    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.form(promptId, headers, csrf);
        cancelCurrent(b);
        prompts.refuse(b.prompt().promptId());
        return answer(b);
    }

    /** Answers the relying party; a security-info prompt that ended well opens that page first. */
    private Response answer(PromptAccess.Bound b) {
        Prompt p = access.reload(b).prompt();
        if (p.managesSecurityInfo() && p.status() == Prompt.Status.DONE) {
            return see(p, "/security-info");
        }
        return answers.answer(p, b.client()).map(answerResponses::of).orElseThrow(PageException::expired);
    }

    private Response render(PromptAccess.Bound b, SignInOption option, SignIns.Progress progress, String error) {
        Prompt p = b.prompt();
        String status = progress.status();
        if ("approved".equals(status)) {
            return pages.prompt(p, b.client(), "approved", Map.of());
        }
        boolean pending = "pending".equals(status) || "invalid_code".equals(status) || "denied".equals(status) && option.typesACode();
        if (!pending) {
            return pages.prompt(p, b.client(), "outcome", Map.of("status", status, "retry", retryable(status)));
        }
        if (!option.typesACode()) {
            return pages.prompt(p, b.client(), "push", Map.of("number", progress.number() == null ? "" : progress.number()));
        }
        return pages.prompt(p, b.client(), "code", Map.of("method", option.method().wire, "target", target(option),
                "error", error == null ? "" : error,
                "remaining", progress.remainingAttempts() == null ? "" : progress.remainingAttempts().toString()));
    }

    /** "+1 •••67" of "Text +1 •••67": the phone a code went to. */
    private static String target(SignInOption option) {
        int space = option.text().indexOf(' ');
        return option.methodId() == null || space < 0 ? "" : option.text().substring(space + 1);
    }

    private static boolean retryable(String status) {
        return switch (status) {
            case "locked", "fraud_reported", "registration_required", "no_method" -> false;
            default -> true;
        };
    }

    private void cancelCurrent(PromptAccess.Bound b) {
        // A push nobody will answer any more should not stay on the phone; failure here changes nothing.
        if (b.prompt().challengeId() != null) {
            try {
                signIns.cancel(b.prompt(), b.client());
            } catch (RuntimeException e) {
                // already ended or unreachable: the challenge expires on its own
            }
        }
    }

    private MfaUser user(PromptAccess.Bound b) {
        return MfaUser.of(enrollment.user(b.client().tenantApiKey(), b.prompt().userId()));
    }

    static VerificationClient.Context context(PromptAccess.Bound b, HttpHeaders headers, HttpServerRequest request) {
        String agent = headers.getHeaderString("User-Agent");
        return new VerificationClient.Context(b.client().registration().applicationName(),
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                agent == null ? null : agent.substring(0, Math.min(agent.length(), 256)));
    }

    static Response see(Prompt p, String path) {
        return Response.seeOther(URI.create("/prompt/" + p.promptId() + path)).header("Cache-Control", "no-store").build();
    }

    private static Response json(String status) {
        return Response.ok(Map.of("status", status)).header("Cache-Control", "no-store").build();
    }
}
