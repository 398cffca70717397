package dev.openfactor.notification.channel;

import java.util.concurrent.CompletionStage;

import dev.openfactor.notification.domain.Message;
import dev.openfactor.notification.domain.SendResult;

/**
 * The one seam between OpenFactor and a provider. Adapters keep their SDK's types to themselves,
 * never throw (every outcome is a {@link SendResult}), and never log content, codes or tokens.
 */
public interface NotificationChannel {

    /** The command channels this adapter serves: apns, fcm, webpush, sms, voice. */
    boolean serves(String channel);

    CompletionStage<SendResult> send(Message message);
}
