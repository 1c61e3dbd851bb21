package dev.parley.offers.bandit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shown and rewarded counts per offer, overall and within each segment: the cold-start ranking ("popular with
 * shoppers like you") and a feature of the learned model. Smoothed towards the overall rate, so an offer with
 * few impressions is neither a hero nor a zero.
 */
public final class OfferPopularity {

    private static final String ALL = "*";
    private static final double PRIOR_WEIGHT = 20;

    private final Map<String, double[]> counts = new ConcurrentHashMap<>();
    private final double[] total = new double[2];

    public synchronized void record(String segment, String offerId, double reward) {
        add(key(ALL, offerId), reward);
        add(key(segment, offerId), reward);
        total[0]++;
        total[1] += reward;
    }

    /** Smoothed reward rate of the offer within the segment (falls back on the offer's overall rate). */
    public double rate(String segment, String offerId) {
        double base = overallRate();
        double[] all = counts.get(key(ALL, offerId));
        double offerRate = all == null ? base : (all[1] + PRIOR_WEIGHT * base) / (all[0] + PRIOR_WEIGHT);
        double[] inSegment = counts.get(key(segment, offerId));
        return inSegment == null ? offerRate : (inSegment[1] + PRIOR_WEIGHT * offerRate) / (inSegment[0] + PRIOR_WEIGHT);
    }

    public double impressions(String offerId) {
        double[] all = counts.get(key(ALL, offerId));
        return all == null ? 0 : all[0];
    }

    public double overallRate() {
        // a prior of 5% until there is evidence: typical for offers, and it only sets the starting point
        return (total[1] + 1) / (total[0] + 20);
    }

    public synchronized Map<String, double[]> export() {
        Map<String, double[]> copy = new HashMap<>();
        counts.forEach((key, value) -> copy.put(key, value.clone()));
        copy.put("", total.clone());
        return copy;
    }

    public synchronized void restore(Map<String, double[]> state) {
        counts.clear();
        state.forEach((key, value) -> {
            if (key.isEmpty()) {
                total[0] = value[0];
                total[1] = value[1];
            } else {
                counts.put(key, value.clone());
            }
        });
    }

    private void add(String key, double reward) {
        double[] c = counts.computeIfAbsent(key, k -> new double[2]);
        c[0]++;
        c[1] += reward;
    }

    private static String key(String segment, String offerId) {
        return segment + "|" + offerId;
    }
}
