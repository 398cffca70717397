package dev.openfactor.verification.service;

import java.util.Map;

import dev.openfactor.verification.domain.ChallengeMethod;

/** What a frontend asks for; {@code code} only for methods answered at once. */
public record ChallengeRequest(String userId, ChallengeMethod method, String methodId, String code,
        Map<String, String> context) {

    @Override
    public String toString() {
        return "ChallengeRequest[" + method + "]";
    }
}
