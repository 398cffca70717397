package dev.openfactor.notification.channel.apns;

import java.io.File;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;

import dev.openfactor.notification.channel.NotificationChannel;
import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.domain.Message;
import dev.openfactor.notification.domain.SendResult;

/**
 * APNs through pushy: one shared client (HTTP/2, many concurrent streams), token (.p8) or
 * certificate auth, an alert with the approve/deny category, expiration = challenge expiry,
 * collapse id, priority 10.
 */
public final class ApnsChannel implements NotificationChannel, AutoCloseable {

    /** Apple's reasons that mean the token will never work again. */
    private static final Set<String> DEAD_TOKEN = Set.of("BadDeviceToken", "Unregistered", "DeviceTokenNotForTopic");

    private final ApnsClient client;
    private final String topic;

    private ApnsChannel(ApnsClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    public static ApnsChannel create(NotificationConfig.Apns config) throws Exception {
        ApnsClientBuilder builder = new ApnsClientBuilder().setApnsServer(config.host(), config.port());
        if (config.keyFile().isPresent()) {
            builder.setSigningKey(ApnsSigningKey.loadFromPkcs8File(new File(config.keyFile().get()),
                    config.teamId().orElseThrow(() -> new IllegalStateException("openfactor.notification.apns.team-id is required with a key file")),
                    config.keyId().orElseThrow(() -> new IllegalStateException("openfactor.notification.apns.key-id is required with a key file"))));
        } else {
            builder.setClientCredentials(new File(config.certificateFile().orElseThrow()), config.certificatePassword().orElse(null));
        }
        if (config.trustedCertificateFile().isPresent()) {
            builder.setTrustedServerCertificateChain(new File(config.trustedCertificateFile().get()));
            builder.setHostnameVerificationEnabled(false);
        }
        return new ApnsChannel(builder.build(), config.topic());
    }

    public static boolean configured(NotificationConfig.Apns config) {
        return config.keyFile().isPresent() || config.certificateFile().isPresent();
    }

    @Override
    public boolean serves(String channel) {
        return "apns".equals(channel);
    }

    @Override
    public CompletionStage<SendResult> send(Message m) {
        SimpleApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder();
        if (m.push() != null) {
            payload.setAlertTitle(m.push().title()).setAlertBody(m.push().body()).setCategoryName(m.push().category())
                    .setSound("default");
        }
        m.data().forEach(payload::addCustomProperty);
        SimpleApnsPushNotification notification = new SimpleApnsPushNotification(m.address(), topic, payload.build(),
                m.expiresAt() == null ? Instant.now().plusSeconds(120) : m.expiresAt(), DeliveryPriority.IMMEDIATE,
                PushType.ALERT, m.push() == null ? null : m.push().collapseId());
        return client.sendNotification(notification).handle((response, error) -> {
            if (error != null) {
                return SendResult.transientFailure("apns_connection");
            }
            if (response.isAccepted()) {
                return SendResult.sent();
            }
            String reason = response.getRejectionReason().orElse("unknown");
            if (DEAD_TOKEN.contains(reason)) {
                return SendResult.addressInvalid(reason);
            }
            int status = response.getStatusCode();
            return status == 429 || status >= 500 ? SendResult.transientFailure(reason) : SendResult.permanent(reason);
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
