package dev.openfactor.verification.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.openfactor.platform.crypto.KeyRings;
import dev.openfactor.platform.crypto.SealedCode;
import dev.openfactor.platform.outbox.Outbox;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Turns a challenge into notification commands, written to the outbox with the challenge itself. */
@ApplicationScoped
public class ChallengeNotifier {

    public static final String PUSH_CATEGORY = "OPENFACTOR_SIGN_IN";

    private final Outbox outbox;
    private final KeyRings keyRings;

    ChallengeNotifier(Outbox outbox, KeyRings keyRings) {
        this.outbox = outbox;
        this.keyRings = keyRings;
    }

    /** One push per device that can receive one; answers how many were queued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int push(Challenge challenge, Profile profile, Map<String, String> context) {
        int queued = 0;
        for (Profile.Method app : profile.apps()) {
            Profile.Device device = app.device();
            if (!device.pushable()) {
                continue;
            }
            Map<String, String> data = new HashMap<>(context);
            data.put("challengeId", challenge.id());
            data.put("tenant", profile.displayName());
            String where = String.join(", ", context.values());
            var push = new NotificationCommand.Push("Approve sign-in?", where.isEmpty() ? profile.displayName() : where,
                    PUSH_CATEGORY, challenge.id(), data);
            publish(new NotificationCommand(UUID.randomUUID().toString(), challenge.tenantId(), challenge.userId(),
                    "push_challenge", device.pushPlatform(), device.pushToken(), null, challenge.expiresAt(), challenge.id(),
                    device.deviceId(), app.methodId(), push, null, null));
            queued++;
        }
        return queued;
    }

    /** The code goes only sealed under the delivery key; {@code text} has a {code} placeholder. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void code(Challenge challenge, Profile profile, Profile.Method phone, String channel, String code) {
        String id = UUID.randomUUID().toString();
        String text = "sms".equals(channel)
                ? profile.displayName() + ": your sign-in code is {code}. Do not share it."
                : "This is " + profile.displayName() + ". Your sign-in code is {code}.";
        var secret = SealedCode.seal(keyRings.ring(KeyRings.DELIVERY), id, code);
        publish(new NotificationCommand(id, challenge.tenantId(), challenge.userId(), "sign_in_code", channel,
                phone.phone().number(), "voice".equals(channel) ? phone.phone().extension() : null, challenge.expiresAt(),
                challenge.id(), null, phone.methodId(), null, text, secret));
    }

    private void publish(NotificationCommand command) {
        String key = command.tenantId() + "/" + command.userId();
        outbox.publish(NotificationCommand.TOPIC, key, NotificationCommand.TYPE, key, command);
    }
}
