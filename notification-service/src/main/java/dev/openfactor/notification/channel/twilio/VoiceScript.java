package dev.openfactor.notification.channel.twilio;

import dev.openfactor.notification.domain.Message;

/**
 * The TwiML of a code call: the message with the code read digit by digit, with pauses,
 * and then once more, so it can be written down.
 */
final class VoiceScript {

    private VoiceScript() {
    }

    static String of(Message m) {
        String digits = m.code() == null ? "" : String.join(", ", m.code().split(""));
        String text = (m.text() == null ? "Your code is {code}." : m.text()).replace("{code}", digits + ".");
        String say = "<Say voice=\"alice\">" + xml(text) + "</Say>";
        return "<Response><Pause length=\"1\"/>" + say + "<Pause length=\"2\"/><Say voice=\"alice\">Again.</Say>" + say
                + "</Response>";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
