package dev.parley.nlu.eval;

import java.util.Comparator;
import java.util.List;

/**
 * The metrics of {@code rasa test nlu} plus out-of-scope detection, computed from evaluated rows: in-scope accuracy
 * (a wrongly rejected in-scope message counts as wrong), out-of-scope recall and precision, per-intent
 * precision/recall/F1, macro-F1 over in-scope intents (every intent seen as gold or prediction), the confusion
 * matrix, the misclassified rows and the reliability table with its ECE.
 */
public record IntentEvaluation(List<EvaluationRow> rows, ConfusionMatrix confusion, List<IntentMetrics> intents,
                               ReliabilityTable reliability, EvaluationSummary summary) {

    public static IntentEvaluation of(List<EvaluationRow> rows) {
        ConfusionMatrix confusion = ConfusionMatrix.of(rows);
        List<IntentMetrics> intents = confusion.metrics();
        ReliabilityTable reliability = ReliabilityTable.of(rows, ReliabilityTable.DEFAULT_BINS);

        int inScope = 0;
        int inScopeCorrect = 0;
        int oos = 0;
        int oosRejected = 0;
        int rejected = 0;
        for (EvaluationRow row : rows) {
            boolean predictedOos = EvaluationRow.OUT_OF_SCOPE.equals(row.predicted());
            rejected += predictedOos ? 1 : 0;
            if (row.goldInScope()) {
                inScope++;
                inScopeCorrect += row.correct() ? 1 : 0;
            } else {
                oos++;
                oosRejected += predictedOos ? 1 : 0;
            }
        }
        List<IntentMetrics> inScopeIntents = intents.stream()
                .filter(m -> !m.intent().equals(EvaluationRow.OUT_OF_SCOPE)).toList();
        Double macroF1 = inScopeIntents.isEmpty() ? null
                : inScopeIntents.stream().mapToDouble(IntentMetrics::f1).average().orElseThrow();
        EvaluationSummary summary = new EvaluationSummary(ratio(inScopeCorrect, inScope), ratio(oosRejected, oos),
                ratio(oosRejected, rejected), macroF1, Double.isNaN(reliability.ece()) ? null : reliability.ece(),
                inScope, oos, null, null, null);
        return new IntentEvaluation(List.copyOf(rows), confusion, intents, reliability, summary);
    }

    /** Misclassified rows, most confident first: the ones most worth reading. */
    public List<EvaluationRow> errors() {
        return rows.stream().filter(row -> !row.correct())
                .sorted(Comparator.comparingDouble(EvaluationRow::confidence).reversed()).toList();
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
