package dev.parley.nlu.classify;

import dev.parley.nlu.IntentScore;

import java.util.List;

/**
 * The classifier's answer for one message.
 *
 * @param ranking    in-scope intents by calibrated confidence, best first
 * @param outOfScope rejected: the top confidence is below the threshold, or the {@code oos} class won
 * @param ambiguous  accepted, but the top two are closer than the ambiguity margin
 */
public record Prediction(List<IntentScore> ranking, boolean outOfScope, boolean ambiguous) {

    public IntentScore top() {
        return ranking.get(0);
    }

    /** The top two confidences' difference (1 when there is only one intent). */
    public double margin() {
        return ranking.size() < 2 ? 1.0 : ranking.get(0).confidence() - ranking.get(1).confidence();
    }
}
