package dev.parley.nlu.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of the top in-scope confidence on in-scope rows: equal-width bins and the expected calibration error
 * ECE = sum over bins of (rows in bin / rows) * |accuracy - mean confidence| (Guo et al. 2017).
 */
public record ReliabilityTable(List<ReliabilityBin> bins, double ece) {

    public static final int DEFAULT_BINS = 15;

    public ReliabilityTable {
        bins = List.copyOf(bins);
    }

    /** Over the rows whose gold intent is in scope; out-of-scope rows have no right intent to be calibrated on. */
    public static ReliabilityTable of(List<EvaluationRow> rows, int binCount) {
        int[] counts = new int[binCount];
        int[] correct = new int[binCount];
        double[] confidenceSums = new double[binCount];
        int total = 0;
        for (EvaluationRow row : rows) {
            if (!row.goldInScope()) {
                continue;
            }
            int bin = Math.min(binCount - 1, (int) (row.confidence() * binCount));
            counts[bin]++;
            confidenceSums[bin] += row.confidence();
            correct[bin] += row.topIntentCorrect() ? 1 : 0;
            total++;
        }
        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            ReliabilityBin bin = new ReliabilityBin((double) b / binCount, (double) (b + 1) / binCount, counts[b],
                    confidenceSums[b], correct[b]);
            bins.add(bin);
            ece += total == 0 ? 0 : (double) bin.count() / total * bin.gap();
        }
        return new ReliabilityTable(bins, total == 0 ? Double.NaN : ece);
    }
}
