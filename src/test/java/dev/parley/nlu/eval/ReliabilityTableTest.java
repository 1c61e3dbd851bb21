package dev.parley.nlu.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliabilityTableTest {

    @Test
    void eceWeighsEachBinsGapByItsShareOfRows() {
        List<EvaluationRow> rows = List.of(
                new EvaluationRow("1", "a", "a", 0.95, false),
                new EvaluationRow("2", "a", "b", 0.95, false),
                new EvaluationRow("3", "b", "b", 0.55, false),
                new EvaluationRow("4", "b", "b", 0.55, true),
                new EvaluationRow("ignored: out of scope", "oos", "a", 0.99, false));
        ReliabilityTable table = ReliabilityTable.of(rows, 15);
        // bin 14 [0.933, 1]: confidence 0.95, accuracy 0.5 -> gap 0.45, weight 2/4
        // bin 8 [0.533, 0.6): confidence 0.55, accuracy 1.0 -> gap 0.45, weight 2/4
        assertEquals(0.45, table.ece(), 1e-9);
        assertEquals(15, table.bins().size());
        ReliabilityBin top = table.bins().get(14);
        assertEquals(2, top.count());
        assertEquals(0.95, top.meanConfidence(), 1e-9);
        assertEquals(0.5, top.accuracy(), 1e-9);
        assertEquals(2, table.bins().get(8).count());
        assertEquals(4, table.bins().stream().mapToInt(ReliabilityBin::count).sum());
        assertTrue(Double.isNaN(table.bins().get(0).accuracy()), "empty bin");
        assertEquals(0, table.bins().get(0).gap());
    }

    @Test
    void perfectCalibrationHasZeroErrorAndEdgesLandInTheOuterBins() {
        List<EvaluationRow> rows = List.of(
                new EvaluationRow("1", "a", "a", 1.0, false),
                new EvaluationRow("2", "a", "b", 0.0, false));
        ReliabilityTable table = ReliabilityTable.of(rows, 15);
        assertEquals(0.0, table.ece(), 1e-12);
        assertEquals(1, table.bins().get(14).count());
        assertEquals(1, table.bins().get(0).count());
        assertEquals(1.0, table.bins().get(14).upper(), 1e-12);
    }
}
