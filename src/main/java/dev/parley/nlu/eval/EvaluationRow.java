package dev.parley.nlu.eval;

import dev.parley.nlu.NluResult;

/**
 * One evaluated message.
 *
 * @param text       the message
 * @param gold       the expected intent ({@code oos} for an out-of-scope message)
 * @param topIntent  the best in-scope intent the classifier found (what would be answered without rejection)
 * @param confidence the calibrated confidence of {@code topIntent}
 * @param rejected   whether the pipeline rejected the message as out of scope
 */
public record EvaluationRow(String text, String gold, String topIntent, double confidence, boolean rejected) {

    public static final String OUT_OF_SCOPE = NluResult.OUT_OF_SCOPE;

    public EvaluationRow {
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
        }
    }

    /** What the pipeline answered: {@code oos} when rejected (or when the classifier's own top class is oos). */
    public String predicted() {
        return rejected ? OUT_OF_SCOPE : topIntent;
    }

    public boolean goldInScope() {
        return !OUT_OF_SCOPE.equals(gold);
    }

    public boolean correct() {
        return predicted().equals(gold);
    }

    /** Whether the top in-scope intent is right, rejection aside: what calibration measures. */
    public boolean topIntentCorrect() {
        return topIntent.equals(gold);
    }
}
