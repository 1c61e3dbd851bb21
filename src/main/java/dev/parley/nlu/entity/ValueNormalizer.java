package dev.parley.nlu.entity;

import dev.parley.nlu.data.ValueNormalization;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A {@link ValueNormalization} with its patterns compiled once: turns a regex match into its canonical value. */
final class ValueNormalizer {

    private final ValueNormalization normalization;
    private final List<Pattern> patterns;

    ValueNormalizer(ValueNormalization normalization) {
        this.normalization = normalization;
        this.patterns = normalization.replacements().stream().map(r -> Pattern.compile(r.pattern())).toList();
    }

    String apply(String match) {
        String value = switch (normalization.letterCase()) {
            case AS_WRITTEN -> match;
            case UPPER -> match.toUpperCase(Locale.ROOT);
            case LOWER -> match.toLowerCase(Locale.ROOT);
        };
        for (int i = 0; i < patterns.size(); i++) {
            value = patterns.get(i).matcher(value).replaceAll(normalization.replacements().get(i).replacement());
        }
        return value;
    }
}
