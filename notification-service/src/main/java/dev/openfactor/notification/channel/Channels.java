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
import dev.openfactor.notification.config.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/** The channels this process delivers through: the sandbox alone, or each configured provider. */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    private final NotificationConfig config;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<NotificationChannel> active = new ArrayList<>();

    Channels(NotificationConfig config, EntityManager em, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ignored) throws Exception {
        if (config.sandbox().enabled()) {
            active.add(new SandboxChannel(em, mapper, clock));
            LOG.info("sandbox channel on: deliveries are recorded, nothing is sent");
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
        LOG.infof("channels on: %s", active.stream().map(c -> c.getClass().getSimpleName()).toList());
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
