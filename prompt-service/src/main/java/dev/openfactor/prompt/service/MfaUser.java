package dev.openfactor.prompt.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A user as enrollment-service describes them ({@code GET /v1/users/{userId}}), reduced to what pages need. */
public record MfaUser(String userId, String registrationState, String defaultMethodId, List<UserMethod> methods) {

    /** One registered method; phone fields are null for other types. */
    public record UserMethod(String methodId, String type, String status, String label, String phoneType, String phoneNumber,
            String extension, String deviceName) {

        public boolean active() {
            return "active".equals(status);
        }

        /** "+1 ••• ••• ••67": enough for the person to recognise their phone, not enough to reveal it. */
        public String maskedNumber() {
            if (phoneNumber == null || phoneNumber.length() < 4) {
                return "your phone";
            }
            String digits = phoneNumber.replaceAll("[^0-9]", "");
            return "+" + digits.charAt(0) + " " + "•".repeat(Math.max(3, digits.length() - 3)) + digits.substring(digits.length() - 2);
        }
    }

    public static MfaUser of(JsonNode user) {
        List<UserMethod> methods = new ArrayList<>();
        user.path("methods").forEach(m -> methods.add(new UserMethod(m.path("methodId").asText(), m.path("type").asText(),
                m.path("status").asText(), m.path("label").asText(null), m.path("phoneType").asText(null),
                m.path("phoneNumber").asText(null), m.path("extension").asText(null), m.path("deviceName").asText(null))));
        return new MfaUser(user.path("userId").asText(), user.path("registrationState").asText(),
                user.path("defaultMethodId").asText(null), List.copyOf(methods));
    }

    public boolean registered() {
        return "registered".equals(registrationState) && methods.stream().anyMatch(UserMethod::active);
    }

    public List<UserMethod> active(String type) {
        return methods.stream().filter(m -> m.active() && m.type().equals(type)).toList();
    }

    public Optional<UserMethod> method(String methodId) {
        return methods.stream().filter(m -> m.methodId().equals(methodId)).findFirst();
    }
}
