package dev.openfactor.enrollment.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.PhoneDetails;
import dev.openfactor.enrollment.domain.PhoneType;
import dev.openfactor.platform.crypto.KeyRings;
import dev.openfactor.platform.crypto.SealedCode;
import dev.openfactor.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Asks notification-service, through the outbox, to text or call a verification code to a phone. */
@ApplicationScoped
public class PhoneCodeSender {

    private final Outbox outbox;
    private final KeyRings keyRings;

    PhoneCodeSender(Outbox outbox, KeyRings keyRings) {
        this.outbox = outbox;
        this.keyRings = keyRings;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public NotificationCommand send(MfaUser user, String tenantDisplayName, Method method, PhoneDetails phone, String code,
            Instant expiresAt, long lifetimeMinutes) {
        String id = UUID.randomUUID().toString();
        boolean sms = phone.channel() == PhoneType.CodeChannel.SMS;
        String text = sms
                ? tenantDisplayName + ": your verification code is {code}. It expires in " + lifetimeMinutes + " minutes."
                : "This is " + tenantDisplayName + ". Your verification code is {code}.";
        var secret = SealedCode.seal(keyRings.ring(KeyRings.DELIVERY), id, code);
        NotificationCommand command = new NotificationCommand(id, user.tenantId(), user.userId(), "phone_verification",
                phone.channel().wireName(), phone.number(), phone.extension(), expiresAt, null, null, method.id(), null,
                text, secret);
        String key = user.tenantId() + "/" + user.userId();
        outbox.publish(NotificationCommand.TOPIC, key, NotificationCommand.TYPE, key, command);
        return command;
    }
}
