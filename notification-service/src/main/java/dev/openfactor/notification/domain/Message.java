package dev.openfactor.notification.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What a channel sends: the command with its code opened and put into the text. Lives only in
 * memory for the send; never logged ({@link #toString} says nothing of it).
 */
public record Message(String notificationId, String purpose, String channel, String address, String extension,
        Instant expiresAt, String challengeId, String deviceId, NotificationCommand.Push push, String text, String code) {

    public Map<String, String> data() {
        return push == null || push.data() == null ? Map.of() : push.data();
    }

    @Override
    public String toString() {
        return "Message[" + notificationId + ", " + channel + "]";
    }
}
