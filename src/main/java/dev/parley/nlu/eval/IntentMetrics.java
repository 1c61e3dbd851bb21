package dev.parley.nlu.eval;

/** Precision, recall and F1 of one intent ({@code oos} included), with its number of gold rows. */
public record IntentMetrics(String intent, double precision, double recall, double f1, int support) {

    /** From true positives, false positives and false negatives; 0 where a ratio has nothing to count. */
    static IntentMetrics of(String intent, int truePositives, int falsePositives, int falseNegatives) {
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new IntentMetrics(intent, precision, recall, f1, truePositives + falseNegatives);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
