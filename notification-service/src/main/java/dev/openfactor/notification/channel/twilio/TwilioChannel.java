package dev.openfactor.notification.channel.twilio;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;

import dev.openfactor.notification.channel.NotificationChannel;
import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.domain.Message;
import dev.openfactor.notification.domain.SendResult;

/** SMS through Twilio Messaging, voice through Calls with TwiML that reads the code slowly, twice. */
public final class TwilioChannel implements NotificationChannel, AutoCloseable {

    /** Twilio error codes for numbers that cannot receive: invalid "To", unreachable, not SMS-capable. */
    private static final Set<Integer> DEAD_NUMBER = Set.of(21211, 21214, 21217, 21610, 21614);

    private final TwilioRestClient client;
    private final PhoneNumber from;
    private final ExecutorService calls = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "twilio-sender");
        t.setDaemon(true);
        return t;
    });

    private TwilioChannel(TwilioRestClient client, PhoneNumber from) {
        this.client = client;
        this.from = from;
    }

    public static boolean configured(NotificationConfig.Twilio config) {
        return config.accountSid().isPresent() && config.authToken().isPresent() && config.fromNumber().isPresent();
    }

    public static TwilioChannel create(NotificationConfig.Twilio config) {
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(config.accountSid().orElseThrow(),
                config.authToken().orElseThrow());
        builder.httpClient(config.endpoint().<com.twilio.http.HttpClient>map(StandInHttpClient::new).orElseGet(NetworkHttpClient::new));
        return new TwilioChannel(builder.build(), new PhoneNumber(config.fromNumber().orElseThrow()));
    }

    @Override
    public boolean serves(String channel) {
        return "sms".equals(channel) || "voice".equals(channel);
    }

    @Override
    public CompletionStage<SendResult> send(Message m) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if ("sms".equals(m.channel())) {
                    com.twilio.rest.api.v2010.account.Message.creator(new PhoneNumber(m.address()), from, smsBody(m)).create(client);
                } else {
                    var call = Call.creator(new PhoneNumber(m.address()), from, new Twiml(VoiceScript.of(m)));
                    if (m.extension() != null) {
                        call.setSendDigits("ww" + m.extension()); // wait a second, then dial the extension
                    }
                    call.create(client);
                }
                return SendResult.sent();
            } catch (ApiException e) {
                return classify(e);
            } catch (RuntimeException e) {
                return SendResult.transientFailure("twilio_connection");
            }
        }, calls);
    }

    private static String smsBody(Message m) {
        return m.text() == null ? m.code() : m.text().replace("{code}", m.code() == null ? "" : m.code());
    }

    private static SendResult classify(ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        if (code != null && DEAD_NUMBER.contains(code)) {
            return SendResult.addressInvalid("twilio_" + code);
        }
        if (status == null || status == 429 || status >= 500) {
            return SendResult.transientFailure("twilio_" + (status == null ? "error" : status));
        }
        return SendResult.permanent("twilio_" + (code == null ? status : code));
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
