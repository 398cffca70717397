package dev.openfactor.enrollment.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the app receives pushes; {@code none} means it only polls. */
public enum PushPlatform {
    APNS, FCM, NONE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public boolean needsToken() {
        return this != NONE;
    }
}
