package dev.parley.offers.decision;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A row of the decision log: the context (features and a readable summary), the action, its propensity, and
 * the outcome once known. This is the logged bandit feedback off-policy evaluation reads.
 */
public record LoggedDecision(String id, String requestId, String shopperId, String offerId, String channel,
                             String strategy, String segment, int position, double propensity, double score,
                             double[] features, String context, Instant decidedAt, @Nullable String outcome,
                             @Nullable Double reward) {

    static String encode(double[] features) {
        StringBuilder text = new StringBuilder(features.length * 6);
        for (int i = 0; i < features.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            double value = features[i];
            if (value == Math.rint(value) && Math.abs(value) < 1e9) {
                text.append((long) value);
            } else {
                text.append((float) value);
            }
        }
        return text.toString();
    }

    static double[] decode(String text) {
        if (text == null || text.isEmpty()) {
            return new double[0];
        }
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }
}
