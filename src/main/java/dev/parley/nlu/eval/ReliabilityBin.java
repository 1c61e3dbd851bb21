package dev.parley.nlu.eval;

/**
 * One confidence bin of the reliability table: rows whose confidence lies in [lower, upper) (the last bin also
 * holds 1.0), how many, their mean confidence and how many of them were right.
 */
public record ReliabilityBin(double lower, double upper, int count, double confidenceSum, int correct) {

    /** NaN for an empty bin. */
    public double meanConfidence() {
        return count == 0 ? Double.NaN : confidenceSum / count;
    }

    /** NaN for an empty bin. */
    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }

    /** |accuracy - mean confidence|; 0 for an empty bin. */
    public double gap() {
        return count == 0 ? 0 : Math.abs(accuracy() - meanConfidence());
    }
}
