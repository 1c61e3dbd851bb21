package dev.parley.nlu.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in regex entities every domain gets: {@code email} and {@code phone_number}, with normalised values. */
final class ContactPatterns {

    static final String EMAIL = "email";
    static final String PHONE_NUMBER = "phone_number";

    static final Pattern EMAIL_PATTERN = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");

    /** Optional +country code, optional (area), then 2-5 digit groups joined by at most one space, dot or dash. */
    static final Pattern PHONE_PATTERN = Pattern.compile(
            "(?<![\\w+\\-.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,5}(?:[ .-]?\\d{2,5}){1,4}(?![\\w-]|\\.\\d)");

    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}[.-]\\d{1,2}[.-]\\d{1,2}|\\d{1,2}[.-]\\d{1,2}[.-]\\d{2,4}");

    private ContactPatterns() {
    }

    /** Most messages have fewer than 7 digits: counting them is much cheaper than running the pattern. */
    static boolean mayHoldPhoneNumber(String text) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < 7; i++) {
            digits += Character.isDigit(text.charAt(i)) ? 1 : 0;
        }
        return digits >= 7;
    }

    static String emailValue(String match) {
        return match.toLowerCase(Locale.ROOT);
    }

    /** {@code +} (if written) and the digits; empty when the match is a date or has too few or many digits. */
    static Optional<String> phoneValue(Matcher match) {
        String text = match.group();
        String digits = text.replaceAll("\\D", "");
        if (digits.length() < 7 || digits.length() > 15 || DATE_LIKE.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(text.startsWith("+") ? "+" + digits : digits);
    }
}
