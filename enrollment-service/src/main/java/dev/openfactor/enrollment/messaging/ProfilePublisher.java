package dev.openfactor.enrollment.messaging;

import dev.openfactor.enrollment.domain.Device;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.UserProfile;
import dev.openfactor.enrollment.factor.SecretCodec;
import dev.openfactor.enrollment.factor.TotpParameters;
import dev.openfactor.platform.otp.RecoveryCodeHashes;
import dev.openfactor.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Publishes a user's whole profile through the outbox after every change, with a growing version. */
@ApplicationScoped
public class ProfilePublisher {

    public static final String TOPIC = "openfactor.profiles";

    private final Outbox outbox;
    private final SecretCodec codec;

    ProfilePublisher(Outbox outbox, SecretCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ProfileSnapshot publish(UserProfile profile) {
        var user = profile.user();
        ProfileSnapshot snapshot = new ProfileSnapshot(user.tenantId(), user.userId(), profile.tenantDisplayName(),
                user.nextProfileVersion(), user.mfaRequired(), profile.registrationState(), user.defaultMethodId(),
                profile.methods().stream().map(m -> entry(profile, m)).toList());
        String key = ProfileSnapshot.key(user.tenantId(), user.userId());
        outbox.publish(TOPIC, key, ProfileSnapshot.TYPE, key, snapshot);
        return snapshot;
    }

    /** Compaction then forgets the user; consumers delete their copy. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tombstone(String tenantId, String userId) {
        String key = ProfileSnapshot.key(tenantId, userId);
        outbox.tombstone(TOPIC, key, ProfileSnapshot.DELETED_TYPE, key);
    }

    private ProfileSnapshot.MethodEntry entry(UserProfile profile, Method m) {
        ProfileSnapshot.TotpEntry totp = null;
        RecoveryCodeHashes codes = null;
        switch (m.type()) {
            case TOTP, AUTHENTICATOR_APP -> totp = totp(m);
            case RECOVERY_CODES -> codes = codec.readJson(m.secretData(), RecoveryCodeHashes.class);
            default -> { }
        }
        ProfileSnapshot.DeviceEntry device = profile.deviceOf(m).map(ProfilePublisher::device).orElse(null);
        return new ProfileSnapshot.MethodEntry(m.id(), m.type(), m.label(), m.status(), m.createdAt(), totp, codes,
                device, profile.phoneOf(m).orElse(null));
    }

    private ProfileSnapshot.TotpEntry totp(Method m) {
        if (m.secretData() == null) {
            return null;
        }
        TotpParameters p = codec.readJson(m.credentialData(), TotpParameters.class);
        return new ProfileSnapshot.TotpEntry(p.algorithm(), p.digits(), p.period(), codec.envelope(m.secretData()),
                p.lastAcceptedStep());
    }

    private static ProfileSnapshot.DeviceEntry device(Device d) {
        return new ProfileSnapshot.DeviceEntry(d.id(), d.publicKey(), d.pushPlatform(), d.pushToken(), d.pushTokenValid(),
                d.name(), d.appVersion());
    }
}
