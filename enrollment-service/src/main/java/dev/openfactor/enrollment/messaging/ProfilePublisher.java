package dev.openfactor.enrollment.messaging;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.UserProfile;
import dev.openfactor.enrollment.factor.RecoveryCodeEnroller.HashedCodes;
import dev.openfactor.enrollment.factor.SecretCodec;
import dev.openfactor.enrollment.factor.TotpParameters;
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
        ProfileSnapshot snapshot = new ProfileSnapshot(user.tenantId(), user.userId(), user.nextProfileVersion(),
                user.mfaRequired(), profile.registrationState(), user.defaultMethodId(),
                profile.methods().stream().map(this::entry).toList());
        String key = ProfileSnapshot.key(user.tenantId(), user.userId());
        outbox.publish(TOPIC, key, ProfileSnapshot.TYPE, key, snapshot);
        return snapshot;
    }

    private ProfileSnapshot.MethodEntry entry(Method m) {
        ProfileSnapshot.TotpEntry totp = null;
        HashedCodes codes = null;
        switch (m.type()) {
            case TOTP -> {
                TotpParameters p = codec.readJson(m.credentialData(), TotpParameters.class);
                totp = new ProfileSnapshot.TotpEntry(p.algorithm(), p.digits(), p.period(), codec.envelope(m.secretData()));
            }
            case RECOVERY_CODES -> codes = codec.readJson(m.secretData(), HashedCodes.class);
            default -> { }
        }
        return new ProfileSnapshot.MethodEntry(m.id(), m.type(), m.label(), m.status(), m.createdAt(), totp, codes);
    }
}
