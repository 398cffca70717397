package dev.openfactor.enrollment.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user with all their methods, the devices behind their app methods and the details of their
 * phones: what the API shows and what a profile snapshot carries.
 */
public record UserProfile(MfaUser user, String tenantDisplayName, List<Method> methods, Map<String, Device> devicesByMethod,
        Map<String, PhoneDetails> phonesByMethod) {

    public RegistrationState registrationState() {
        return RegistrationState.of(user, methods);
    }

    public Optional<Device> deviceOf(Method method) {
        return Optional.ofNullable(devicesByMethod.get(method.id()));
    }

    public Optional<PhoneDetails> phoneOf(Method method) {
        return Optional.ofNullable(phonesByMethod.get(method.id()));
    }
}
