package dev.openfactor.enrollment.service;

import dev.openfactor.enrollment.domain.PushPlatform;

/** What the app sends to activate; validated for shape by the resource, for meaning by the service. */
public record AppActivation(String activationCode, String devicePublicKey, PushPlatform pushPlatform, String pushToken,
        String deviceName, String appVersion) {

    @Override
    public String toString() {
        return "AppActivation[" + pushPlatform + "]";
    }
}
