package dev.openfactor.enrollment.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.RegistrationState;
import dev.openfactor.enrollment.domain.UserProfile;

/** {@code GET /v1/users/{userId}} as API.md writes it; no secret ever appears here. */
public record UserView(String userId, boolean mfaRequired, RegistrationState registrationState, String defaultMethodId,
        List<MethodView> methods) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MethodView(String methodId, MethodType type, String label, MethodStatus status, Instant createdAt) {
        static MethodView of(Method m) {
            return new MethodView(m.id(), m.type(), m.label(), m.status(), m.createdAt());
        }
    }

    static UserView of(UserProfile profile) {
        return new UserView(profile.user().userId(), profile.user().mfaRequired(), profile.registrationState(),
                profile.user().defaultMethodId(), profile.methods().stream().map(MethodView::of).toList());
    }
}
