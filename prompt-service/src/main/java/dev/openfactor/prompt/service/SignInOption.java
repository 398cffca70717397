package dev.openfactor.prompt.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One way this user can sign in now, as the "Verify your identity" list offers it: a method (as
 * verification-service names it) and, for phones, which one. {@code key} is what the page posts back.
 */
public record SignInOption(String key, Method method, String methodId, String text) {

    /** Every option the user has and the client allows, default first. */
    public static List<SignInOption> all(MfaUser user, Set<Method> allowed) {
        List<SignInOption> options = new ArrayList<>();
        boolean app = !user.active("authenticator_app").isEmpty();
        if (app && allowed.contains(Method.PUSH)) {
            options.add(new SignInOption("push", Method.PUSH, null, "Approve a request on my OpenFactor Authenticator app"));
        }
        if ((app || !user.active("totp").isEmpty()) && allowed.contains(Method.TOTP)) {
            options.add(new SignInOption("totp", Method.TOTP, null, "Use a verification code"));
        }
        for (MfaUser.UserMethod phone : user.active("phone")) {
            boolean textable = !"office".equals(phone.phoneType());
            if (textable && allowed.contains(Method.SMS)) {
                options.add(new SignInOption("sms:" + phone.methodId(), Method.SMS, phone.methodId(), "Text " + phone.maskedNumber()));
            }
            if (allowed.contains(Method.VOICE)) {
                options.add(new SignInOption("voice:" + phone.methodId(), Method.VOICE, phone.methodId(), "Call " + phone.maskedNumber()
                        + (phone.extension() != null ? " (extension)" : "")));
            }
        }
        if (!user.active("recovery_codes").isEmpty() && allowed.contains(Method.RECOVERY_CODE)) {
            options.add(new SignInOption("recovery_code", Method.RECOVERY_CODE, null, "Use a recovery code"));
        }
        Optional<SignInOption> preferred = preferred(user, options);
        preferred.ifPresent(p -> {
            options.remove(p);
            options.add(0, p);
        });
        return options;
    }

    public static Optional<SignInOption> find(List<SignInOption> options, String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** The user's default method, as the option it means (the app's default is its push). */
    private static Optional<SignInOption> preferred(MfaUser user, List<SignInOption> options) {
        Optional<MfaUser.UserMethod> def = Optional.ofNullable(user.defaultMethodId()).flatMap(user::method);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        return switch (def.get().type()) {
            case "authenticator_app" -> find(options, "push").or(() -> find(options, "totp"));
            case "totp" -> find(options, "totp");
            case "phone" -> find(options, "sms:" + def.get().methodId()).or(() -> find(options, "voice:" + def.get().methodId()));
            default -> Optional.empty();
        };
    }

    /** Methods whose code is typed on our page (push is approved on the phone). */
    public boolean typesACode() {
        return method != Method.PUSH;
    }
}
