package dev.parley.nlu.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Counts of (gold, predicted) pairs; labels are every gold or predicted intent, sorted, {@code oos} last. */
public final class ConfusionMatrix {

    /** One off-diagonal cell. */
    public record Confusion(String gold, String predicted, int count) {
    }

    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] counts;

    private ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        this.counts = new int[labels.size()][labels.size()];
    }

    public static ConfusionMatrix of(List<EvaluationRow> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(row -> {
            names.add(row.gold());
            names.add(row.predicted());
        });
        List<String> labels = new ArrayList<>(names);
        if (labels.remove(EvaluationRow.OUT_OF_SCOPE)) {
            labels.add(EvaluationRow.OUT_OF_SCOPE);
        }
        ConfusionMatrix matrix = new ConfusionMatrix(labels);
        rows.forEach(row -> matrix.counts[matrix.index.get(row.gold())][matrix.index.get(row.predicted())]++);
        return matrix;
    }

    public List<String> labels() {
        return labels;
    }

    public int count(String gold, String predicted) {
        Integer row = index.get(gold);
        Integer column = index.get(predicted);
        return row == null || column == null ? 0 : counts[row][column];
    }

    public int goldTotal(String label) {
        int total = 0;
        for (String predicted : labels) {
            total += count(label, predicted);
        }
        return total;
    }

    public int predictedTotal(String label) {
        int total = 0;
        for (String gold : labels) {
            total += count(gold, label);
        }
        return total;
    }

    /** Per-label precision, recall, F1 and support, in label order. */
    public List<IntentMetrics> metrics() {
        List<IntentMetrics> metrics = new ArrayList<>();
        for (String label : labels) {
            int truePositives = count(label, label);
            metrics.add(IntentMetrics.of(label, truePositives, predictedTotal(label) - truePositives,
                    goldTotal(label) - truePositives));
        }
        return metrics;
    }

    /** Off-diagonal cells, most frequent first (then by gold, predicted). */
    public List<Confusion> confusions() {
        List<Confusion> confusions = new ArrayList<>();
        for (String gold : labels) {
            for (String predicted : labels) {
                int count = count(gold, predicted);
                if (count > 0 && !gold.equals(predicted)) {
                    confusions.add(new Confusion(gold, predicted, count));
                }
            }
        }
        confusions.sort(Comparator.comparingInt(Confusion::count).reversed());
        return confusions;
    }
}
