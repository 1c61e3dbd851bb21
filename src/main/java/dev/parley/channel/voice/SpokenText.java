package dev.parley.channel.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A written reply prepared for speaking: links and emoji are dropped, and the parts a speech engine tends to
 * misread (amounts of money, codes such as PA-123456, percentages, ranges, numbers) become marked segments. It
 * renders as SSML (Alexa) with {@code <say-as>} around numbers, or as plain words (a Twilio {@code <Say>}), both from
 * the same segments.
 */
public final class SpokenText {

    /** One piece of the text; {@code value} is already cleaned of markup and links. */
    private record Segment(Kind kind, String value, String extra) {
    }

    private enum Kind { WORDS, NUMBER, MONEY, CODE, PERCENT, RANGE }

    private static final Map<String, String[]> CURRENCIES = Map.of(
            "EUR", new String[]{"euro", "euros", "cent", "cents"},
            "€", new String[]{"euro", "euros", "cent", "cents"},
            "USD", new String[]{"dollar", "dollars", "cent", "cents"},
            "$", new String[]{"dollar", "dollars", "cent", "cents"},
            "GBP", new String[]{"pound", "pounds", "penny", "pence"},
            "£", new String[]{"pound", "pounds", "penny", "pence"},
            "CHF", new String[]{"Swiss franc", "Swiss francs", "centime", "centimes"});

    private static final Pattern LINK = Pattern.compile("(?i):?\\s*(?:https?://|www\\.)[^\\s]+");
    private static final String AMOUNT = "\\d+(?:[.,]\\d{1,2})?";
    private static final Pattern SPECIAL = Pattern.compile(
            "(?<symbolMoney>[€$£])\\s?(?<symbolAmount>" + AMOUNT + ")(?!\\d)"
                    + "|(?<codeAmount>" + AMOUNT + ")\\s?(?<code>EUR|USD|GBP|CHF|€|\\$|£)(?![A-Za-z])"
                    + "|(?<percent>\\d+(?:\\.\\d+)?)\\s?%"
                    + "|\\b(?<ident>[A-Z]{1,5}-?\\d{2,})\\b"
                    + "|(?<![\\d:./])(?<from>\\d+)[-–](?<to>\\d+)(?![\\d:./-])"
                    + "|(?<![\\d:./-])(?<number>\\d+(?:\\.\\d+)?)(?![\\d:/-])");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final List<Segment> segments;

    private SpokenText(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** Reads a written reply (see {@link #clean}) into segments. */
    public static SpokenText of(String written) {
        String text = clean(written);
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = SPECIAL.matcher(text);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                segments.add(new Segment(Kind.WORDS, text.substring(last, matcher.start()), null));
            }
            segments.add(segment(matcher));
            last = matcher.end();
        }
        if (last < text.length()) {
            segments.add(new Segment(Kind.WORDS, text.substring(last), null));
        }
        return new SpokenText(segments);
    }

    /** The written text without links and emoji; list markers and line breaks become sentence breaks. */
    public static String clean(String written) {
        String text = LINK.matcher(written).replaceAll("");
        text = withoutEmoji(text);
        return text.replaceAll("(?m)^\\s*(?:[-•*]|\\d+\\.)\\s+", "") // list markers: the voice lists in prose
                .replaceAll(":\\s*\\n+\\s*", ": ")
                .replaceAll("\\s*\\n+\\s*", ". ")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("([.!?])\\s*\\.", "$1")
                .replaceAll("\\s{2,}", " ")
                .replaceAll("\\s+([,.;:!?])", "$1")
                .trim();
    }

    /** Sentences of a cleaned text (split after . ! ? followed by a space). */
    public static List<String> sentences(String text) {
        return text.isBlank() ? List.of() : List.of(SENTENCE_END.split(text.trim()));
    }

    /** SSML body (without {@code <speak>}): XML-escaped words, numbers in {@code <say-as>}. */
    public String ssml() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            switch (segment.kind()) {
                case WORDS -> out.append(Ssml.escape(segment.value()));
                case NUMBER -> out.append(number(segment.value(), true));
                case PERCENT -> out.append(number(segment.value(), true)).append(" percent");
                case RANGE -> out.append(number(segment.value(), true)).append(" to ")
                        .append(number(segment.extra(), true));
                case CODE -> out.append("<say-as interpret-as=\"spell-out\">")
                        .append(Ssml.escape(segment.value().replace("-", ""))).append("</say-as>");
                case MONEY -> out.append(money(segment.value(), segment.extra(), true));
            }
        }
        return out.toString();
    }

    /** Plain words for engines without SSML: the same reading, numbers left as digits, codes spaced out. */
    public String plain() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            switch (segment.kind()) {
                case WORDS -> out.append(segment.value());
                case NUMBER -> out.append(number(segment.value(), false));
                case PERCENT -> out.append(number(segment.value(), false)).append(" percent");
                case RANGE -> out.append(segment.value()).append(" to ").append(segment.extra());
                case CODE -> out.append(String.join(" ", segment.value().replace("-", "").split("")));
                case MONEY -> out.append(money(segment.value(), segment.extra(), false));
            }
        }
        return out.toString();
    }

    private static Segment segment(Matcher matcher) {
        if (matcher.group("symbolMoney") != null) {
            return new Segment(Kind.MONEY, matcher.group("symbolAmount"), matcher.group("symbolMoney"));
        }
        if (matcher.group("code") != null) {
            return new Segment(Kind.MONEY, matcher.group("codeAmount"), matcher.group("code"));
        }
        if (matcher.group("percent") != null) {
            return new Segment(Kind.PERCENT, matcher.group("percent"), null);
        }
        if (matcher.group("ident") != null) {
            return new Segment(Kind.CODE, matcher.group("ident"), null);
        }
        if (matcher.group("from") != null) {
            return new Segment(Kind.RANGE, matcher.group("from"), matcher.group("to"));
        }
        return new Segment(Kind.NUMBER, matcher.group("number"), null);
    }

    /** "49.90" in euros: "49 euros and 90 cents"; whole amounts without the cents. */
    private static String money(String amount, String currency, boolean ssml) {
        String[] parts = amount.replace(',', '.').split("\\.");
        long major = Long.parseLong(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt((parts[1] + "0").substring(0, 2)) : 0;
        String[] words = CURRENCIES.get(currency.toUpperCase(Locale.ROOT));
        StringBuilder out = new StringBuilder(cardinal(Long.toString(major), ssml)).append(' ')
                .append(major == 1 ? words[0] : words[1]);
        if (minor > 0) {
            out.append(" and ").append(cardinal(Integer.toString(minor), ssml)).append(' ')
                    .append(minor == 1 ? words[2] : words[3]);
        }
        return out.toString();
    }

    /** An integer as a cardinal; a decimal as "3 point 4" so no engine reads it as a date or a version. */
    private static String number(String value, boolean ssml) {
        int dot = value.indexOf('.');
        if (dot < 0) {
            return cardinal(value, ssml);
        }
        return cardinal(value.substring(0, dot), ssml) + " point "
                + String.join(" ", value.substring(dot + 1).split(""));
    }

    private static String cardinal(String digits, boolean ssml) {
        return ssml ? "<say-as interpret-as=\"cardinal\">" + digits + "</say-as>" : digits;
    }

    /** Drops pictographs, dingbats and the joiners and selectors that build emoji sequences. */
    private static String withoutEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean emoji = type == Character.OTHER_SYMBOL || type == Character.SURROGATE
                    || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
            if (!emoji) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
