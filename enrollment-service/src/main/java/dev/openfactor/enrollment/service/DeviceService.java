package dev.openfactor.enrollment.service;

import java.util.Optional;
import java.util.Map;

import dev.openfactor.enrollment.domain.Device;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.enrollment.repository.DeviceRepository;
import dev.openfactor.enrollment.repository.MethodRepository;
import dev.openfactor.enrollment.repository.UserRepository;
import dev.openfactor.platform.audit.AuditTrail;
import dev.openfactor.platform.device.DeviceAuthenticator;
import dev.openfactor.platform.device.DeviceRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What a paired app may do to itself, signed with its key; and what providers report about it. */
@ApplicationScoped
public class DeviceService {

    private final DeviceRepository devices;
    private final MethodRepository methods;
    private final UserRepository users;
    private final DeviceAuthenticator authenticator;
    private final PushAddresses pushAddresses;
    private final Profiles profiles;
    private final AuditTrail audit;

    DeviceService(DeviceRepository devices, MethodRepository methods, UserRepository users,
            DeviceAuthenticator authenticator, PushAddresses pushAddresses, Profiles profiles, AuditTrail audit) {
        this.devices = devices;
        this.methods = methods;
        this.users = users;
        this.authenticator = authenticator;
        this.pushAddresses = pushAddresses;
        this.profiles = profiles;
        this.audit = audit;
    }

    @Transactional
    public void rotatePushToken(DeviceRequest request, String deviceId, PushPlatform platform, String token) {
        Device device = authenticated(request, deviceId);
        pushAddresses.validate(platform, token);
        device.pushAddress(platform, token);
        MfaUser user = owner(device);
        audit.record(user.tenantId(), user.userId(), "device.push_token_rotated", "success", actor(device), device.id(),
                Map.of("pushPlatform", platform.wireName()));
        profiles.changed(user);
    }

    /** The app unregisters itself: its method (push and codes) goes with it. */
    @Transactional
    public void unregister(DeviceRequest request, String deviceId) {
        Device device = authenticated(request, deviceId);
        MfaUser user = owner(device);
        String methodId = device.methodId();
        devices.delete(device);
        methods.find(user, methodId).ifPresent(methods::delete);
        if (methodId.equals(user.defaultMethodId())) {
            user.defaultMethod(null);
        }
        audit.record(user.tenantId(), user.userId(), "device.unregistered", "success", actor(device), device.id(), null);
        profiles.changed(user);
    }

    /** The push service (APNs, FCM or a Web Push service) said the token is dead: stop pushing to it and tell verification-service. */
    @Transactional
    public void retirePushToken(String tenantId, String deviceId, String reason) {
        devices.findDevice(deviceId).filter(d -> d.tenantId().equals(tenantId)).ifPresent(device -> {
            if (device.retirePushToken()) {
                MfaUser user = owner(device);
                audit.record(user.tenantId(), user.userId(), "device.push_token_invalid", "info", "system", device.id(),
                        Map.of("reason", reason == null ? "unknown" : reason));
                profiles.changed(user);
            }
        });
    }

    /** Unknown device, bad key, stale time, bad or replayed signature: all the same 401. */
    private Device authenticated(DeviceRequest request, String deviceId) {
        Optional<Device> device = devices.findDevice(deviceId);
        authenticator.require(request, deviceId, device.map(Device::publicKey));
        return device.orElseThrow();
    }

    private MfaUser owner(Device device) {
        return users.findByIdOptional(device.userRef()).orElseThrow();
    }

    private static String actor(Device device) {
        return "device:" + device.id();
    }
}
