package dev.parley.nlu.data;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the text a regex entity matched becomes its canonical value ({@code normalize} of an entity definition, see
 * intents/README.md): the letter case first, then each replacement in order, Java {@code replaceAll} style
 * ({@code $1} or {@code ${name}} insert a group). "pa 661208" with {@code case: upper} and
 * {@code '^PA[- ]?': 'PA-'} becomes "PA-661208". Lookup values and synonyms are canonical as written, so this
 * applies to regex matches only. Checked when built, so a bad replacement fails at start-up, not on a message.
 */
public record ValueNormalization(LetterCase letterCase, List<Replacement> replacements) {

    public static final ValueNormalization NONE = new ValueNormalization(LetterCase.AS_WRITTEN, List.of());

    public enum LetterCase { AS_WRITTEN, UPPER, LOWER }

    /** {@code pattern} is a Java regex; {@code replacement} may refer to its groups. */
    public record Replacement(String pattern, String replacement) {
    }

    public ValueNormalization {
        replacements = List.copyOf(replacements);
        for (Replacement r : replacements) {
            check(r);
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * Rejects what would only fail on the first matching message: a pattern that does not compile, a replacement
     * naming a group the pattern does not have, or a dangling {@code $} or {@code \}.
     */
    private static void check(Replacement r) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(r.pattern());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex '" + r.pattern() + "': " + e.getDescription(), e);
        }
        int groups = pattern.matcher("").groupCount();
        String text = r.replacement();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw new IllegalArgumentException("replacement '" + text + "' ends with '\\'");
                }
            } else if (c == '$') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                    int close = text.indexOf('}', i);
                    String name = close < 0 ? "" : text.substring(i + 2, close);
                    if (name.isEmpty() || !r.pattern().contains("(?<" + name + ">")) {
                        throw new IllegalArgumentException("replacement '" + text + "' names no group of '"
                                + r.pattern() + "'");
                    }
                    i = close;
                } else if (i + 1 == text.length() || !Character.isDigit(text.charAt(i + 1))
                        || text.charAt(i + 1) - '0' > groups) {
                    // Java reads one digit, then more only while the group exists: the first digit must exist
                    throw new IllegalArgumentException("replacement '" + text + "': '$' must be followed by a group "
                            + "number of '" + r.pattern() + "' (0-" + groups + "); write '\\$' for a dollar sign");
                }
            }
        }
    }
}
