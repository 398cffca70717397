package dev.openfactor.prompt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Every page renders with each of its branches (Qute fails on a missing key only when it renders), and
 * says what the help-desk pages say. The pages in use are walked by bench's PromptFlowTest and the browser tests.
 */
@QuarkusTest
class PageTemplatesTest {

    @Inject
    Engine engine;

    @Test
    void signInPagesRenderEveryBranch() {
        for (String method : List.of("totp", "sms", "voice", "recovery_code")) {
            for (String error : List.of("", "invalid_code", "locked", "rate_limited", "expired")) {
                render("code", Map.of("method", method, "target", "+1 •••67", "error", error, "remaining", "2"));
            }
        }
        for (String status : List.of("denied", "expired", "cancelled", "fraud_reported", "locked", "rate_limited",
                "registration_required", "no_method", "failed")) {
            render("outcome", Map.of("status", status, "retry", true));
        }
        assertTrue(render("push", Map.of("number", "42")).contains("Approve sign-in request"));
        assertTrue(render("push", Map.of("number", "42")).contains("I can't use my Authenticator app right now"));
        render("other", Map.of("options", List.of(Map.of("key", "totp", "text", "Use a verification code"))));
        render("approved", Map.of());
        render("answer", Map.of("action", "https://rp.example/cb", "fields", List.of(Map.of("name", "state", "value", "a\"b"))));
        render("error", Map.of("heading", "h", "message", "m"));
    }

    @Test
    void registrationPagesUseTheHelpDeskWords() {
        String intro = render("register-intro", Map.of());
        assertTrue(intro.contains("More information required") && intro.contains("Your organization needs more information to keep your account secure"));
        String method = render("register-method", Map.of("error", "", "authenticatorUrl", "http://localhost:8090/"));
        for (String words : List.of("Additional security verification", "Step 1: How should we contact you?", "Mobile app",
                "Authentication phone", "Office phone", "How do you want to use the mobile app?",
                "Receive notifications for verification", "Use verification code",
                "To use these verification methods, you must set up the OpenFactor Authenticator app.", "Set up")) {
            assertTrue(method.contains(words), words);
        }
        String app = render("register-app", Map.of("qr", "AAAA", "code", "405 209 573", "url", "https://mfa.example/v1/activations/1",
                "authenticatorUrl", "http://localhost:8090/"));
        for (String words : List.of("Configure mobile app", "Complete the following steps to configure your mobile app.",
                "Scan the image below.", "If you are unable to scan the image, enter the following information in your app.",
                "Code:", "405 209 573", "Url:", "If the app displays a six-digit code, choose \"Next\".")) {
            assertTrue(app.contains(words), words);
        }
        assertTrue(render("register-activation", Map.of("status", "waiting", "notifications", true)).contains("Checking activation status"));
        assertTrue(render("register-activation", Map.of("status", "activated", "notifications", true))
                .contains("Mobile app has been configured for notifications and verification codes"));
        assertTrue(render("register-activation", Map.of("status", "activated", "notifications", false))
                .contains("Mobile app has been configured for verification codes"));
        render("register-activation", Map.of("status", "expired", "notifications", false));
        for (String status : List.of("pending", "denied", "expired", "failed")) {
            render("register-test-push", Map.of("number", "42", "status", status));
        }
        render("register-test-code", Map.of("error", "locked"));
        render("register-test-code", Map.of("error", "invalid_code"));
        render("register-backup", Map.of("error", "x"));
        render("register-phone", Map.of("office", true, "number", "+14255550100", "error", ""));
        render("register-done", Map.of("app", true, "phone", true));
    }

    @Test
    void securityInfoListsMethodsWithTheirActions() {
        Map<String, Object> phone = Map.of("methodId", "m1", "type", "phone", "name", "Phone", "detail", "+14255550100 · text or call",
                "isDefault", true);
        String page = render("security-info", Map.of("methods", List.of(phone), "defaults", List.of(phone), "notice", "",
                "error", "<b>x</b>"));
        for (String words : List.of("Security info", "Default sign-in method", "Add sign-in method", "Make new recovery codes",
                "data-method-type=\"phone\"", "&lt;b&gt;x&lt;/b&gt;")) {
            assertTrue(page.contains(words), words);
        }
        String codes = render("security-recovery", Map.of("codes", List.of("ABCDE-FGHIJ")));
        assertTrue(codes.contains("<code>ABCDE-FGHIJ</code>"));
        String shared = render("register-app", Map.of("qr", "AAAA", "code", "1", "url", "u", "authenticatorUrl", "a",
                "flow", "/security-info"));
        assertTrue(shared.contains("/prompt/p/security-info/activation"), "the shared pages lead back to their flow");
    }

    private String render(String template, Map<String, Object> data) {
        var page = engine.getTemplate(template).instance();
        Map<String, Object> all = new HashMap<>(Map.of("org", "Contoso", "userId", "alice@contoso.example", "csrf", "c", "base", "/prompt/p",
                "flow", "/register"));
        all.putAll(data);
        all.forEach(page::data);
        String html = page.render();
        assertFalse(html.contains("NOT_FOUND"), html);
        assertTrue(html.contains("</html>"));
        return html;
    }
}
