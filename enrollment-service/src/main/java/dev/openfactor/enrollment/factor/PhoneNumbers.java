package dev.openfactor.enrollment.factor;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** E.164 validation and formatting with libphonenumber, so `+1 (415) 555-2671` and `+14155552671` are one number. */
@ApplicationScoped
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final EnrollmentConfig config;

    PhoneNumbers(EnrollmentConfig config) {
        this.config = config;
    }

    /** The number in E.164, or a 400 naming the {@code number} field. */
    public String e164(String input) {
        try {
            PhoneNumber number = UTIL.parse(input, config.phone().defaultRegion());
            if (!UTIL.isValidNumber(number)) {
                throw ProblemException.invalidField("number", "is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalidField("number", "must be an E.164 number such as +14155552671");
        }
    }
}
