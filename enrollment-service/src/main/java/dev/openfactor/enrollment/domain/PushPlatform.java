package dev.openfactor.enrollment.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where the app receives pushes: APNs, FCM, or Web Push (the installable web app; its token is the
 * browser's subscription JSON); {@code none} means it only polls.
 */
public enum PushPlatform {
    APNS, FCM, WEBPUSH, NONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public boolean needsToken() {
        return this != NONE;
    }
}
