package dev.openfactor.notification.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.channel.apns.ApnsChannel;
import dev.openfactor.notification.channel.fcm.FcmChannel;
import dev.openfactor.notification.channel.sandbox.SandboxChannel;
import dev.openfactor.notification.channel.twilio.TwilioChannel;
import dev.openfactor.notification.channel.webpush.WebPushChannel;
import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.platform.webpush.PushServiceAllowlist;
import dev.openfactor.platform.webpush.WebPushConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The channels this process delivers through: each configured provider, or, with the sandbox on,
 * Web Push (when configured) and the sandbox for everything else.
 */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    private final NotificationConfig config;
    private final WebPushConfig webPush;
    private final PushServiceAllowlist pushServices;
    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<NotificationChannel> active = new ArrayList<>();

    Channels(NotificationConfig config, WebPushConfig webPush, PushServiceAllowlist pushServices, Jdbc jdbc,
            ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.webPush = webPush;
        this.pushServices = pushServices;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ignored) throws Exception {
        // Web Push needs no vendor account and reaches the person's own browser, so it stays real beside the sandbox.
        if (WebPushChannel.configured(webPush)) {
            active.add(WebPushChannel.create(webPush, pushServices, mapper, clock, config.dispatch().sendTimeout()));
            if ("mailto:admin@localhost".equals(webPush.subject())) {
                LOG.warn("webpush: openfactor.webpush.subject is the default mailto:admin@localhost, which Apple's push "
                        + "service refuses; set OPENFACTOR_WEBPUSH_SUBJECT to a real contact");
            }
        } else if (webPush.vapidPublicKey().isPresent() || webPush.vapidPrivateKey().isPresent()) {
            LOG.warn("webpush channel off: it needs both openfactor.webpush.vapid-public-key and vapid-private-key");
        }
        if (config.sandbox().enabled()) {
            active.add(new SandboxChannel(jdbc, mapper, clock));
            LOG.infof("channels on: %s; the sandbox records every other delivery, nothing else is sent", names());
            return;
        }
        if (ApnsChannel.configured(config.apns())) {
            active.add(ApnsChannel.create(config.apns()));
        }
        if (FcmChannel.configured(config.fcm())) {
            active.add(FcmChannel.create(config.fcm()));
        }
        if (TwilioChannel.configured(config.twilio())) {
            active.add(TwilioChannel.create(config.twilio()));
        }
        LOG.infof("channels on: %s", names());
    }

    private List<String> names() {
        return active.stream().map(c -> c.getClass().getSimpleName()).toList();
    }

    void stop(@Observes ShutdownEvent ignored) {
        for (NotificationChannel c : active) {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("channel close failed", e);
                }
            }
        }
    }

    public Optional<NotificationChannel> serving(String channel) {
        return active.stream().filter(c -> c.serves(channel)).findFirst();
    }
}
