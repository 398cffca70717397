package dev.openfactor.prompt.rest;

import java.util.Map;
import java.util.Optional;

import dev.openfactor.prompt.client.VerificationClient;
import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.service.Method;
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
 * "More information required": the registration wizard of the help-desk pages, reachable only inside a
 * prompt whose user had nothing registered when it began. Step 1 sets up the app (or a phone), Step 2 tests
 * it (the prompt's second factor), Step 3 adds a backup phone; Done answers the relying party.
 */
@Path("/prompt/{promptId}/register")
public class RegistrationPages {

    private static final String APP = "app";
    private static final String PHONE = "phone";
    private static final String FLOW = "/register";

    private final PromptAccess access;
    private final PromptStore prompts;
    private final SignIns signIns;
    private final MethodSetup setup;
    private final Pages pages;
    private final PromptConfig config;

    RegistrationPages(PromptAccess access, PromptStore prompts, SignIns signIns, MethodSetup setup, Pages pages, PromptConfig config) {
        this.access = access;
        this.prompts = prompts;
        this.signIns = signIns;
        this.setup = setup;
        this.pages = pages;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response intro(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registering(promptId, headers);
        return pages.prompt(b.prompt(), b.client(), "register-intro", Map.of());
    }

    @GET
    @Path("/method")
    @Produces(MediaType.TEXT_HTML)
    public Response method(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registering(promptId, headers);
        return stepOne(b, "", 200);
    }

    /** "Set up": the app's QR and code come straight from enrollment-service and are never stored here. */
    @POST
    @Path("/method")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response setUp(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("contact") String contact,
            @FormParam("appMode") String appMode, @FormParam("number") String number, @FormParam("extension") String extension,
            @Context HttpHeaders headers) {
        PromptAccess.Bound b = registeringForm(promptId, headers, csrf);
        Prompt p = b.prompt();
        if (APP.equals(contact)) {
            String mode = "code".equals(appMode) ? "code" : "notifications";
            prompts.wizard(p.promptId(), "appMode", mode);
            return setup.startApp(b, FLOW);
        }
        if (PHONE.equals(contact) || MethodSetup.OFFICE.equals(contact)) {
            return addPhone(b, MethodSetup.OFFICE.equals(contact) ? MethodSetup.OFFICE : MethodSetup.MOBILE, number, extension, "method");
        }
        return stepOne(b, "Choose how we should contact you.", 400);
    }

    @GET
    @Path("/activation")
    @Produces(MediaType.TEXT_HTML)
    public Response activation(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registering(promptId, headers);
        String status = setup.activationStatus(b, 0);
        return pages.prompt(b.prompt(), b.client(), "register-activation", Map.of("status", status,
                "notifications", !"code".equals(b.prompt().wizard("appMode"))));
    }

    /** Long-poll for "Checking activation status": enrollment-service holds the request until the app activates. */
    @GET
    @Path("/activation-status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activationStatusJson(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registering(promptId, headers);
        return setup.activationStatusJson(b);
    }

    /** Step 2: a real notification with the number to type, or the app's code. */
    @GET
    @Path("/test")
    @Produces(MediaType.TEXT_HTML)
    public Response test(@PathParam("promptId") String promptId, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        PromptAccess.Bound b = registering(promptId, headers);
        if (!"activated".equals(setup.activationStatus(b, 0))) {
            return SignInPages.see(b.prompt(), "/register/activation");
        }
        if ("code".equals(b.prompt().wizard("appMode"))) {
            return pages.prompt(b.prompt(), b.client(), "register-test-code", Map.of("error", ""));
        }
        SignIns.Progress progress = b.prompt().challengeId() == null
                ? signIns.start(b.prompt(), b.client(), pushOption(), SignInPages.context(b, headers, request))
                : signIns.follow(b.prompt(), b.client(), 0);
        if (progress.approved()) {
            prompts.wizard(b.prompt().promptId(), "proven", progress.amr());
            return SignInPages.see(b.prompt(), "/register/backup");
        }
        b = access.reload(b);
        return pages.prompt(b.prompt(), b.client(), "register-test-push", Map.of("number", b.prompt().wizard("number") == null ? ""
                : b.prompt().wizard("number"), "status", progress.status()));
    }

    /** The page's script saw "approved" (or the person pressed Next): checked again here. */
    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tested(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("code") String code,
            @FormParam("retry") String retry, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        PromptAccess.Bound b = registeringForm(promptId, headers, csrf);
        if ("code".equals(b.prompt().wizard("appMode"))) {
            SignIns.Progress progress = signIns.submitCode(b.prompt(), b.client(),
                    new SignInOption("totp", Method.TOTP, null, ""), code, SignInPages.context(b, headers, request));
            if (!progress.approved()) {
                return pages.prompt(b.prompt(), b.client(), "register-test-code", Map.of("error", progress.status()));
            }
            prompts.wizard(b.prompt().promptId(), "proven", progress.amr());
            return SignInPages.see(b.prompt(), "/register/backup");
        }
        if (retry != null) {
            signIns.start(b.prompt(), b.client(), pushOption(), SignInPages.context(b, headers, request));
        }
        return SignInPages.see(b.prompt(), "/register/test");
    }

    @GET
    @Path("/backup")
    @Produces(MediaType.TEXT_HTML)
    public Response backup(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registering(promptId, headers);
        return backupPage(b, "", 200);
    }

    /** Step 3: a phone for text messages, or an office phone (with extension) for a call. */
    @POST
    @Path("/backup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addBackup(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("kind") String kind,
            @FormParam("number") String number, @FormParam("extension") String extension, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registeringForm(promptId, headers, csrf);
        if (b.prompt().wizard("proven") == null) {
            return SignInPages.see(b.prompt(), "/register/test");
        }
        return addPhone(b, MethodSetup.OFFICE.equals(kind) ? MethodSetup.OFFICE : MethodSetup.MOBILE, number, extension, "backup");
    }

    @GET
    @Path("/phone")
    @Produces(MediaType.TEXT_HTML)
    public Response phone(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registering(promptId, headers);
        return setup.phonePage(b, "", FLOW);
    }

    @POST
    @Path("/phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmPhone(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("code") String code,
            @Context HttpHeaders headers) {
        PromptAccess.Bound b = registeringForm(promptId, headers, csrf);
        Prompt p = b.prompt();
        if (p.phoneMethodId() == null) {
            return SignInPages.see(p, "/register/method");
        }
        if (!setup.confirmPhone(b, code)) {
            return setup.phonePage(b, "That code didn't work. Check the code and try again.", FLOW);
        }
        if (p.wizard("proven") == null) {
            // The phone was the first method: its confirmed code is this prompt's second factor.
            prompts.wizard(p.promptId(), "proven", MethodSetup.OFFICE.equals(p.wizard("phoneType")) ? Method.VOICE.amr : Method.SMS.amr);
        }
        return SignInPages.see(p, "/register/done");
    }

    @GET
    @Path("/done")
    @Produces(MediaType.TEXT_HTML)
    public Response done(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = registering(promptId, headers);
        if (b.prompt().wizard("proven") == null) {
            return SignInPages.see(b.prompt(), "/register/method");
        }
        return pages.prompt(b.prompt(), b.client(), "register-done", Map.of(
                "app", b.prompt().activationId() != null, "phone", b.prompt().wizard("phoneConfirmed") != null));
    }

    private Response addPhone(PromptAccess.Bound b, String type, String number, String extension, String from) {
        Optional<String> refused = setup.addPhone(b, type, number, extension);
        if (refused.isPresent()) {
            return "backup".equals(from) ? backupPage(b, refused.get(), 400) : stepOne(b, refused.get(), 400);
        }
        return SignInPages.see(b.prompt(), "/register/phone");
    }

    private Response stepOne(PromptAccess.Bound b, String error, int status) {
        Response page = pages.prompt(b.prompt(), b.client(), "register-method", Map.of("error", error,
                "authenticatorUrl", config.authenticatorUrl()));
        return status == 200 ? page : Response.fromResponse(page).status(status).build();
    }

    private Response backupPage(PromptAccess.Bound b, String error, int status) {
        Response page = pages.prompt(b.prompt(), b.client(), "register-backup", Map.of("error", error));
        return status == 200 ? page : Response.fromResponse(page).status(status).build();
    }

    private static SignInOption pushOption() {
        return new SignInOption("push", Method.PUSH, null, "");
    }

    private PromptAccess.Bound registering(String promptId, HttpHeaders headers) {
        PromptAccess.Bound b = access.open(promptId, headers);
        if (b.prompt().wizard("registering") == null) {
            throw new PageException(403, "Registration isn't available here", "Your account is already set up. Go back and sign in.");
        }
        return b;
    }

    private PromptAccess.Bound registeringForm(String promptId, HttpHeaders headers, String csrf) {
        PromptAccess.Bound b = access.form(promptId, headers, csrf);
        if (b.prompt().wizard("registering") == null) {
            throw PageException.forbidden();
        }
        return b;
    }
}
