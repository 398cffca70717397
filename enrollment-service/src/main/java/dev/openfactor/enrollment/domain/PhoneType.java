package dev.openfactor.enrollment.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The three phones of the registration page; the type decides how codes reach them. */
public enum PhoneType {
    MOBILE(CodeChannel.SMS, "Mobile phone"),
    ALTERNATE_MOBILE(CodeChannel.VOICE, "Alternate mobile phone"),
    OFFICE(CodeChannel.VOICE, "Office phone");

    private final CodeChannel channel;
    private final String label;

    PhoneType(CodeChannel channel, String label) {
        this.channel = channel;
        this.label = label;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public CodeChannel channel() {
        return channel;
    }

    public String label() {
        return label;
    }

    public boolean takesExtension() {
        return this == OFFICE;
    }

    public enum CodeChannel {
        SMS, VOICE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase();
        }
    }
}
