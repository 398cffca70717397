package dev.openfactor.enrollment.service;

import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.platform.device.DeviceSignatures;
import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.webpush.PushServiceAllowlist;
import dev.openfactor.platform.webpush.WebPushSubscription;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks what an app says about itself: a P-256 key, and a push token when its platform needs one.
 * A Web Push token is a subscription whose endpoint the server will POST to, so it must name an
 * allowed push service (the request-forgery guard); a refusal says why, never what was sent.
 */
@ApplicationScoped
class PushAddresses {

    private final PushServiceAllowlist pushServices;

    PushAddresses(PushServiceAllowlist pushServices) {
        this.pushServices = pushServices;
    }

    void validate(PushPlatform platform, String token) {
        if (platform == null) {
            throw invalid("pushPlatform", "must be apns, fcm, webpush or none");
        }
        boolean blank = token == null || token.isBlank();
        if (platform.needsToken() && blank) {
            throw invalid("pushToken", "is required for " + platform.wireName());
        }
        if (!blank && (token.length() > InputLimits.PUSH_TOKEN || !token.chars().allMatch(c -> c > 32 && c < 127))) {
            throw invalid("pushToken", "is not a push token");
        }
        if (platform == PushPlatform.WEBPUSH) {
            validateSubscription(token);
        }
    }

    private void validateSubscription(String token) {
        WebPushSubscription subscription;
        try {
            subscription = WebPushSubscription.parse(token);
        } catch (WebPushSubscription.InvalidSubscriptionException e) {
            throw invalid("pushToken", "is not a Web Push subscription: " + e.getMessage());
        }
        if (!pushServices.permits(subscription.endpoint())) {
            throw invalid("pushToken", "names a push service that is not allowed");
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
