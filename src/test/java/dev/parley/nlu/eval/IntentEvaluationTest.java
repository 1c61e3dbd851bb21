package dev.parley.nlu.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntentEvaluationTest {

    private static final double EPS = 1e-9;

    /** Hand-computed below: 4 in-scope rows (a, a, a, b), 3 out-of-scope rows. */
    static final List<EvaluationRow> ROWS = List.of(
            new EvaluationRow("a right", "a", "a", 0.9, false),
            new EvaluationRow("a taken for b", "a", "b", 0.8, false),
            new EvaluationRow("a rejected", "a", "a", 0.3, true),
            new EvaluationRow("b right", "b", "b", 0.7, false),
            new EvaluationRow("oos rejected", "oos", "a", 0.2, true),
            new EvaluationRow("oos, answered as b", "oos", "b", 0.6, false),
            new EvaluationRow("oos rejected too", "oos", "a", 0.1, true));

    @Test
    void headlineMetrics() {
        EvaluationSummary summary = IntentEvaluation.of(ROWS).summary();
        assertEquals(0.5, summary.inScopeAccuracy(), EPS, "rows 1 and 4 of 4; the rejected in-scope row is wrong");
        assertEquals(2.0 / 3, summary.oosRecall(), EPS, "2 of 3 oos rows rejected");
        assertEquals(2.0 / 3, summary.oosPrecision(), EPS, "2 of 3 rejections were oos");
        assertEquals(0.5, summary.macroF1(), EPS, "mean of F1(a)=0.5 and F1(b)=0.5; oos not included");
        // in-scope rows only, one per bin, correctness of the top intent (row 3 is right though rejected):
        // (|1-0.9| + |0-0.8| + |1-0.3| + |1-0.7|) / 4
        assertEquals(0.475, summary.ece(), EPS);
        assertEquals(4, summary.inScopeCount());
        assertEquals(3, summary.oosCount());
        assertNull(summary.trainSeconds());
    }

    @Test
    void perIntentPrecisionRecallF1AndSupport() {
        List<IntentMetrics> intents = IntentEvaluation.of(ROWS).intents();
        assertEquals(List.of("a", "b", "oos"), intents.stream().map(IntentMetrics::intent).toList());
        assertMetrics(intents.get(0), 1.0, 1.0 / 3, 0.5, 3);
        assertMetrics(intents.get(1), 1.0 / 3, 1.0, 0.5, 1);
        assertMetrics(intents.get(2), 2.0 / 3, 2.0 / 3, 2.0 / 3, 3);
    }

    @Test
    void confusionMatrixCountsGoldAgainstPredicted() {
        ConfusionMatrix matrix = IntentEvaluation.of(ROWS).confusion();
        assertEquals(List.of("a", "b", "oos"), matrix.labels());
        int[][] expected = {{1, 1, 1}, {0, 1, 0}, {0, 1, 2}};
        for (int g = 0; g < 3; g++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[g][p], matrix.count(matrix.labels().get(g), matrix.labels().get(p)));
            }
        }
        assertEquals(List.of(new ConfusionMatrix.Confusion("a", "b", 1), new ConfusionMatrix.Confusion("a", "oos", 1),
                new ConfusionMatrix.Confusion("oos", "b", 1)), matrix.confusions());
    }

    @Test
    void errorsAreTheMisclassifiedRowsMostConfidentFirst() {
        assertEquals(List.of("a taken for b", "oos, answered as b", "a rejected"),
                IntentEvaluation.of(ROWS).errors().stream().map(EvaluationRow::text).toList());
    }

    @Test
    void ratesWithNothingToCountAreNull() {
        EvaluationSummary noOos = IntentEvaluation.of(List.of(new EvaluationRow("x", "a", "a", 0.9, false))).summary();
        assertEquals(1.0, noOos.inScopeAccuracy());
        assertNull(noOos.oosRecall());
        assertNull(noOos.oosPrecision(), "nothing was rejected");
        EvaluationSummary onlyOos = IntentEvaluation.of(List.of(new EvaluationRow("x", "oos", "a", 0.9, true)))
                .summary();
        assertNull(onlyOos.inScopeAccuracy());
        assertNull(onlyOos.macroF1());
        assertNull(onlyOos.ece());
        assertEquals(1.0, onlyOos.oosRecall());
    }

    @Test
    void aClassifierWithAnOosClassCountsItsOosPredictionAsRejection() {
        EvaluationRow row = new EvaluationRow("x", "oos", "oos", 0.8, false);
        assertEquals("oos", row.predicted());
        assertEquals(1.0, IntentEvaluation.of(List.of(row)).summary().oosRecall());
    }

    @Test
    void confidenceMustBeAProbability() {
        assertThrows(IllegalArgumentException.class, () -> new EvaluationRow("x", "a", "a", 1.2, false));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationRow("x", "a", "a", Double.NaN, false));
    }

    private static void assertMetrics(IntentMetrics m, double precision, double recall, double f1, int support) {
        assertEquals(precision, m.precision(), EPS, m.intent() + " precision");
        assertEquals(recall, m.recall(), EPS, m.intent() + " recall");
        assertEquals(f1, m.f1(), EPS, m.intent() + " f1");
        assertEquals(support, m.support(), m.intent() + " support");
    }
}
