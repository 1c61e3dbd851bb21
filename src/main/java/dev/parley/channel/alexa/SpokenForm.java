package dev.parley.channel.alexa;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Written text as Alexa's interaction model wants it: lower-case words, apostrophes only inside words, no
 * punctuation, symbols said as words ("&" → "and"), numbers spelled out ("42" → "forty two", "38.5" → "thirty
 * eight point five", "4th" → "fourth", "160cm" → "one hundred sixty centimeters"), codes and acronyms spelled
 * letter by letter ("PA-482913" → "p. a. four eight two nine one three", "XL" → "x. l.", as Alexa writes
 * abbreviations), accents removed.
 */
final class SpokenForm {

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final Map<String, String> SYMBOLS = Map.of("&", " and ", "%", " percent ", "+", " plus ",
            "@", " at ", "€", " euros ", "$", " dollars ", "£", " pounds ");
    /** A code: letters and digits mixed in one token ("PA-482913", "2XL", "SAVE10"), or a long digit run. */
    private static final Pattern CODE = Pattern.compile(
            "\\b(?=[A-Za-z-]*\\d)(?=[\\d-]*[A-Za-z])[A-Za-z\\d]+(?:-[A-Za-z\\d]+)*\\b|\\b\\d{5,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,6})(?:st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEASURE = Pattern.compile("\\b(\\d+(?:[.,]\\d+)?) ?(cm|mm|km|kg|ml|gb|tb)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> UNITS = Map.of("cm", "centimeters", "mm", "millimeters", "km",
            "kilometers", "kg", "kilos", "ml", "milliliters", "gb", "gigabytes",
            "tb", "terabytes");
    /** Capitals without a vowel ("XL", "DHL") are said letter by letter; so is a lone capital but A and I. */
    private static final Pattern LETTERS = Pattern.compile("\\b(?:[B-DF-HJ-NP-TV-Z]{2,4}|[B-HJ-Z])\\b(?!['’])");

    private SpokenForm() {
    }

    static String of(String written) {
        String text = Normalizer.normalize(written, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        for (Map.Entry<String, String> symbol : SYMBOLS.entrySet()) {
            text = text.replace(symbol.getKey(), symbol.getValue());
        }
        text = ORDINAL.matcher(text).replaceAll(match -> " " + ordinal(Long.parseLong(match.group(1))) + " ");
        text = MEASURE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(number(match.group(1)) + " "
                + UNITS.get(match.group(2).toLowerCase(Locale.ROOT))));
        text = CODE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(spell(match.group())));
        text = LETTERS.matcher(text).replaceAll(match -> Matcher.quoteReplacement(spell(match.group())));
        text = NUMBER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(number(match.group())));
        text = text.toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .replaceAll("(?<![a-z])'|'(?![a-z])", " ") // quotes, not apostrophes
                .replaceAll("\\b([a-z])\\.", "$1\u0000")  // keep the periods of spelled letters
                .replaceAll("[^a-z'\\u0000\\s]", " ")
                .replace('\u0000', '.');
        return text.replaceAll("\\s+", " ").trim();
    }

    /** "PA-482913" → "p. a. four eight two nine one three". */
    private static String spell(String code) {
        List<String> words = new ArrayList<>();
        for (char c : code.toCharArray()) {
            if (Character.isDigit(c)) {
                words.add(ONES[c - '0']);
            } else if (Character.isLetter(c)) {
                words.add(Character.toLowerCase(c) + ".");
            }
        }
        return " " + String.join(" ", words) + " ";
    }

    private static String number(String digits) {
        String[] parts = digits.split("[.,]");
        String whole = parts[0].length() > 9 ? spell(parts[0]).trim() : words(Long.parseLong(parts[0]));
        if (parts.length == 1) {
            return whole;
        }
        List<String> decimals = new ArrayList<>();
        for (char c : parts[1].toCharArray()) {
            decimals.add(ONES[c - '0']);
        }
        return whole + " point " + String.join(" ", decimals);
    }

    /** "first", "twenty second", "thirtieth". */
    static String ordinal(long n) {
        String cardinal = words(n);
        int space = cardinal.lastIndexOf(' ');
        String last = cardinal.substring(space + 1);
        String ordinal = switch (last) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        };
        return cardinal.substring(0, space + 1) + ordinal;
    }

    /** English words for 0 to 999,999,999. */
    static String words(long n) {
        if (n < 20) {
            return ONES[(int) n];
        }
        if (n < 100) {
            return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : " " + ONES[(int) (n % 10)]);
        }
        if (n < 1000) {
            return ONES[(int) (n / 100)] + " hundred" + (n % 100 == 0 ? "" : " " + words(n % 100));
        }
        if (n < 1_000_000) {
            return words(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + words(n % 1000));
        }
        return words(n / 1_000_000) + " million" + (n % 1_000_000 == 0 ? "" : " " + words(n % 1_000_000));
    }
}
