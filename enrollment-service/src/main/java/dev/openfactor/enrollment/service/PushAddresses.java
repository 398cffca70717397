package dev.openfactor.enrollment.service;

import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.platform.device.DeviceSignatures;
import dev.openfactor.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks what an app says about itself: a P-256 key, and a push token when its platform needs one. */
@ApplicationScoped
class PushAddresses {

    private static final int MAX_TOKEN_LENGTH = dev.openfactor.platform.input.InputLimits.PUSH_TOKEN;

    void validate(PushPlatform platform, String token) {
        if (platform == null) {
            throw invalid("pushPlatform", "must be apns, fcm or none");
        }
        boolean blank = token == null || token.isBlank();
        if (platform.needsToken() && blank) {
            throw invalid("pushToken", "is required for " + platform.wireName());
        }
        if (!blank && (token.length() > MAX_TOKEN_LENGTH || !token.chars().allMatch(c -> c > 32 && c < 127))) {
            throw invalid("pushToken", "is not a push token");
        }
    }

    String validPublicKey(String spkiBase64) {
        if (spkiBase64 == null || DeviceSignatures.parseP256PublicKey(spkiBase64).isEmpty()) {
            throw invalid("devicePublicKey", "must be a base64 X.509 SubjectPublicKeyInfo of an EC P-256 key");
        }
        return spkiBase64;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(field, message);
    }
}
