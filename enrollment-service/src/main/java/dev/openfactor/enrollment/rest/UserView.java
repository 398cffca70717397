package dev.openfactor.enrollment.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.openfactor.enrollment.domain.Device;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.PhoneDetails;
import dev.openfactor.enrollment.domain.PhoneType;
import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.RegistrationState;
import dev.openfactor.enrollment.domain.UserProfile;

/** {@code GET /v1/users/{userId}} as API.md writes it; no secret ever appears here. */
public record UserView(String userId, boolean mfaRequired, RegistrationState registrationState, String defaultMethodId,
        List<MethodView> methods) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MethodView(String methodId, MethodType type, String label, MethodStatus status, Instant createdAt,
            String deviceId, String deviceName, PushPlatform pushPlatform, Boolean pushTokenValid, PhoneType phoneType,
            String phoneNumber, String extension) {

        static MethodView of(UserProfile profile, Method m) {
            Device d = profile.deviceOf(m).orElse(null);
            PhoneDetails p = profile.phoneOf(m).orElse(null);
            return new MethodView(m.id(), m.type(), m.label(), m.status(), m.createdAt(),
                    d == null ? null : d.id(), d == null ? null : d.name(), d == null ? null : d.pushPlatform(),
                    d == null ? null : d.pushTokenValid(),
                    p == null ? null : p.phoneType(), p == null ? null : p.number(), p == null ? null : p.extension());
        }
    }

    static UserView of(UserProfile profile) {
        return new UserView(profile.user().userId(), profile.user().mfaRequired(), profile.registrationState(),
                profile.user().defaultMethodId(), profile.methods().stream().map(m -> MethodView.of(profile, m)).toList());
    }
}
