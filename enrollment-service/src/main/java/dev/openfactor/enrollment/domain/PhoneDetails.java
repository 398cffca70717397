package dev.openfactor.enrollment.domain;

/** The public half of a phone method: its type, E.164 number, extension and code channel. */
public record PhoneDetails(PhoneType phoneType, String number, String extension, PhoneType.CodeChannel channel) {

    public static PhoneDetails of(PhoneType type, String e164, String extension) {
        return new PhoneDetails(type, e164, type.takesExtension() ? extension : null, type.channel());
    }
}
