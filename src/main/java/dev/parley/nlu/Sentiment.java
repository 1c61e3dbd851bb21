package dev.parley.nlu;

import io.micronaut.serde.annotation.Serdeable;

/**
 * @param label {@code negative}, {@code neutral} or {@code positive}
 * @param score from -1 (very negative) to 1 (very positive)
 */
@Serdeable
public record Sentiment(String label, double score) {

    public static final Sentiment NEUTRAL = new Sentiment("neutral", 0.0);

    public boolean isNegative() {
        return "negative".equals(label);
    }
}
