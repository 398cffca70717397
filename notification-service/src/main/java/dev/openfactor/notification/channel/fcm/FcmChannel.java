package dev.openfactor.notification.channel.fcm;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;

import dev.openfactor.notification.channel.NotificationChannel;
import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.domain.SendResult;

/**
 * FCM HTTP v1 through firebase-admin: data + notification, Android priority high, TTL = the
 * time left on the challenge.
 */
public final class FcmChannel implements NotificationChannel, AutoCloseable {

    private static final String FCM_BASE = "https://fcm.googleapis.com";
    private static final Set<MessagingErrorCode> RETRY = Set.of(MessagingErrorCode.UNAVAILABLE, MessagingErrorCode.INTERNAL,
            MessagingErrorCode.QUOTA_EXCEEDED);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    private FcmChannel(FirebaseApp app) {
        this.app = app;
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    public static boolean configured(NotificationConfig.Fcm config) {
        return config.serviceAccountFile().isPresent() || config.endpoint().isPresent();
    }

    public static FcmChannel create(NotificationConfig.Fcm config) throws IOException {
        FirebaseOptions.Builder options = FirebaseOptions.builder().setCredentials(credentials(config));
        config.projectId().ifPresent(options::setProjectId);
        config.endpoint().ifPresent(endpoint -> options.setHttpTransport(new NetHttpTransport.Builder()
                .setConnectionFactory(url -> (HttpURLConnection) new URL(url.toString().replace(FCM_BASE, endpoint)).openConnection())
                .build()));
        return new FcmChannel(FirebaseApp.initializeApp(options.build(), "openfactor-fcm-" + UUID.randomUUID()));
    }

    /** The service account in production; a stand-in endpoint (tests, benchmarks) needs no Google credentials. */
    private static GoogleCredentials credentials(NotificationConfig.Fcm config) throws IOException {
        if (config.serviceAccountFile().isPresent()) {
            try (InputStream in = new FileInputStream(config.serviceAccountFile().get())) {
                return GoogleCredentials.fromStream(in);
            }
        }
        return GoogleCredentials.create(new AccessToken("stand-in", Date.from(Instant.now().plus(Duration.ofDays(365)))));
    }

    @Override
    public boolean serves(String channel) {
        return "fcm".equals(channel);
    }

    @Override
    @SuppressWarnings("deprecation") // Message.Builder.setToken: still the v1 way to address one device
    public CompletionStage<SendResult> send(dev.openfactor.notification.domain.Message m) {
        long ttlMillis = Math.max(0, Duration.between(Instant.now(), m.expiresAt()).toMillis());
        Message.Builder message = Message.builder().setToken(m.address()).putAllData(m.data())
                .setAndroidConfig(AndroidConfig.builder().setPriority(AndroidConfig.Priority.HIGH).setTtl(ttlMillis).build());
        if (m.push() != null) {
            message.setNotification(Notification.builder().setTitle(m.push().title()).setBody(m.push().body()).build());
        }
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        ApiFutures.addCallback(messaging.sendAsync(message.build()), new ApiFutureCallback<String>() {
            @Override
            public void onSuccess(String messageId) {
                result.complete(SendResult.sent());
            }

            @Override
            public void onFailure(Throwable error) {
                result.complete(classify(error));
            }
        }, MoreExecutors.directExecutor());
        return result;
    }

    private static SendResult classify(Throwable error) {
        if (error instanceof FirebaseMessagingException e && e.getMessagingErrorCode() != null) {
            MessagingErrorCode code = e.getMessagingErrorCode();
            if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.INVALID_ARGUMENT) {
                return SendResult.addressInvalid(code.name());
            }
            return RETRY.contains(code) ? SendResult.transientFailure(code.name()) : SendResult.permanent(code.name());
        }
        return SendResult.transientFailure("fcm_connection");
    }

    @Override
    public void close() {
        app.delete();
    }
}
