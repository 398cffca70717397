package dev.openfactor.prompt.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.prompt.client.EnrollmentClient;
import dev.openfactor.prompt.client.PeerCallException;
import dev.openfactor.prompt.service.Answers;
import dev.openfactor.prompt.service.MfaUser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * "Security info" (My Sign-Ins): after a fresh second factor in a prompt a web app opened for it, the person
 * lists their methods, adds the app or a phone, deletes one, changes the default and makes new recovery codes;
 * "Done" answers the relying party. Every change goes to enrollment-service with the tenant's key.
 */
@Path("/prompt/{promptId}/security-info")
public class SecurityInfoPages {

    private static final String FLOW = "/security-info";
    /** What a finished change says at the top of the list (the query names one of these, nothing else shows). */
    private static final Map<String, String> NOTICES = Map.of(
            "app", "OpenFactor Authenticator was added.",
            "phone", "Your phone was verified and added.",
            "default", "Your default sign-in method was changed.",
            "deleted", "The method was deleted.");

    private final PromptAccess access;
    private final EnrollmentClient enrollment;
    private final MethodSetup setup;
    private final Answers answers;
    private final AnswerResponses answerResponses;
    private final Pages pages;

    SecurityInfoPages(PromptAccess access, EnrollmentClient enrollment, MethodSetup setup, Answers answers,
            AnswerResponses answerResponses, Pages pages) {
        this.access = access;
        this.enrollment = enrollment;
        this.setup = setup;
        this.answers = answers;
        this.answerResponses = answerResponses;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@PathParam("promptId") String promptId, @QueryParam("done") String done, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managing(promptId, headers);
        return listPage(b, NOTICES.getOrDefault(done == null ? "" : done, ""), "", 200);
    }

    @POST
    @Path("/default")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response makeDefault(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf,
            @FormParam("methodId") String methodId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managingForm(promptId, headers, csrf);
        MfaUser.UserMethod method = owned(b, methodId);
        try {
            enrollment.setDefault(b.client().tenantApiKey(), b.prompt().userId(), method.methodId());
        } catch (PeerCallException e) {
            return listPage(b, "", "That method can't be your default sign-in method.", 400);
        }
        return SignInPages.see(b.prompt(), FLOW + "?done=default");
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("methodId") String methodId,
            @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managingForm(promptId, headers, csrf);
        MfaUser user = user(b);
        MfaUser.UserMethod method = owned(user, methodId);
        // Deleting the last way to sign in would lock the person out at their next sign-in.
        if (user.methods().stream().filter(m -> m.active() && !"recovery_codes".equals(m.type())).count() <= 1
                && !"recovery_codes".equals(method.type())) {
            return listPage(b, "", "Add another sign-in method before you delete your last one.", 409);
        }
        try {
            enrollment.deleteMethod(b.client().tenantApiKey(), b.prompt().userId(), method.methodId());
        } catch (PeerCallException e) {
            return listPage(b, "", "We couldn't delete that method. Try again in a moment.", 400);
        }
        return SignInPages.see(b.prompt(), FLOW + "?done=deleted");
    }

    /** New recovery codes replace the old ones and are shown this once. */
    @POST
    @Path("/recovery-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response recoveryCodes(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managingForm(promptId, headers, csrf);
        JsonNode made = enrollment.newRecoveryCodes(b.client().tenantApiKey(), b.prompt().userId());
        List<String> codes = new ArrayList<>();
        made.path("codes").forEach(c -> codes.add(c.asText()));
        return pages.prompt(b.prompt(), b.client(), "security-recovery", Map.of("codes", codes));
    }

    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("contact") String contact,
            @FormParam("number") String number, @FormParam("extension") String extension, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managingForm(promptId, headers, csrf);
        if ("app".equals(contact)) {
            return setup.startApp(b, FLOW);
        }
        if (!"phone".equals(contact) && !MethodSetup.OFFICE.equals(contact)) {
            return listPage(b, "", "Choose which method to add.", 400);
        }
        Optional<String> refused = setup.addPhone(b, MethodSetup.OFFICE.equals(contact) ? MethodSetup.OFFICE : MethodSetup.MOBILE,
                number, extension);
        if (refused.isPresent()) {
            return listPage(b, "", refused.get(), 400);
        }
        return SignInPages.see(b.prompt(), FLOW + "/phone");
    }

    /** "cancel" and "Set up" of the shared method pages lead back to the list. */
    @GET
    @Path("/method")
    public Response backToList(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        return SignInPages.see(access.managing(promptId, headers).prompt(), FLOW);
    }

    @GET
    @Path("/activation")
    @Produces(MediaType.TEXT_HTML)
    public Response activation(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managing(promptId, headers);
        return pages.prompt(b.prompt(), b.client(), "register-activation", Map.of("status", setup.activationStatus(b, 0),
                "notifications", true, "flow", FLOW));
    }

    @GET
    @Path("/activation-status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activationStatus(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        return setup.activationStatusJson(access.managing(promptId, headers));
    }

    /** "Next" after the app activated: back to the list, which now shows it. */
    @GET
    @Path("/test")
    public Response activated(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managing(promptId, headers);
        return SignInPages.see(b.prompt(), "activated".equals(setup.activationStatus(b, 0)) ? FLOW + "?done=app" : FLOW);
    }

    @GET
    @Path("/phone")
    @Produces(MediaType.TEXT_HTML)
    public Response phone(@PathParam("promptId") String promptId, @Context HttpHeaders headers) {
        return setup.phonePage(access.managing(promptId, headers), "", FLOW);
    }

    @POST
    @Path("/phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmPhone(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @FormParam("code") String code,
            @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managingForm(promptId, headers, csrf);
        if (b.prompt().phoneMethodId() == null) {
            return SignInPages.see(b.prompt(), FLOW);
        }
        if (!setup.confirmPhone(b, code)) {
            return setup.phonePage(b, "That code didn't work. Check the code and try again.", FLOW);
        }
        return SignInPages.see(b.prompt(), FLOW + "?done=phone");
    }

    /** "Done": the relying party gets its answer (the second factor proven at the start). */
    @POST
    @Path("/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(@PathParam("promptId") String promptId, @FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        PromptAccess.Bound b = access.managingForm(promptId, headers, csrf);
        return answers.answer(b.prompt(), b.client()).map(answerResponses::of).orElseThrow(PageException::expired);
    }

    private Response listPage(PromptAccess.Bound b, String notice, String error, int status) {
        MfaUser user = user(b);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> defaults = new ArrayList<>();
        for (MfaUser.UserMethod m : user.methods()) {
            if (!m.active()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("methodId", m.methodId());
            row.put("type", m.type());
            row.put("name", name(m));
            row.put("detail", detail(m));
            row.put("isDefault", m.methodId().equals(user.defaultMethodId()));
            rows.add(row);
            if (!"recovery_codes".equals(m.type())) {
                defaults.add(row);
            }
        }
        Response page = pages.prompt(b.prompt(), b.client(), "security-info", Map.of("methods", rows, "defaults", defaults,
                "notice", notice, "error", error));
        return status == 200 ? page : Response.fromResponse(page).status(status).build();
    }

    private static String name(MfaUser.UserMethod m) {
        return switch (m.type()) {
            case "authenticator_app" -> "OpenFactor Authenticator";
            case "totp" -> "Authenticator app";
            case "phone" -> MethodSetup.OFFICE.equals(m.phoneType()) ? "Office phone" : "Phone";
            case "recovery_codes" -> "Recovery codes";
            default -> m.type();
        };
    }

    /** The person has just proven who they are: their own numbers are shown in full. */
    private static String detail(MfaUser.UserMethod m) {
        return switch (m.type()) {
            case "authenticator_app" -> (m.deviceName() == null ? "" : m.deviceName() + " · ") + "notifications and codes";
            case "totp" -> (m.label() == null ? "" : m.label() + " · ") + "verification codes";
            case "phone" -> m.phoneNumber() + (m.extension() == null ? "" : " ext. " + m.extension())
                    + (MethodSetup.OFFICE.equals(m.phoneType()) ? " · call" : " · text or call");
            case "recovery_codes" -> "single-use codes for when nothing else works";
            default -> "";
        };
    }

    private MfaUser user(PromptAccess.Bound b) {
        return MfaUser.of(enrollment.user(b.client().tenantApiKey(), b.prompt().userId()));
    }

    private MfaUser.UserMethod owned(PromptAccess.Bound b, String methodId) {
        return owned(user(b), methodId);
    }

    /** Only the prompt's own user's active methods: a method id from elsewhere is refused. */
    private static MfaUser.UserMethod owned(MfaUser user, String methodId) {
        return Optional.ofNullable(methodId).flatMap(user::method).filter(MfaUser.UserMethod::active).orElseThrow(PageException::forbidden);
    }
}
