package dev.parley.nlu.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report folder of {@code nlu evaluate}, like {@code rasa test nlu}'s: {@code summary.json},
 * {@code intent_report.csv}, {@code thresholds.json}, {@code confusion_matrix.csv}, {@code confusion_matrix.html},
 * {@code errors.csv} and {@code reliability.csv}.
 */
public final class EvaluationReport {

    public static final List<String> FILES = List.of("summary.json", "intent_report.csv", "thresholds.json",
            "confusion_matrix.csv", "confusion_matrix.html", "errors.csv", "reliability.csv");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {
    }

    /**
     * @param summary    usually {@code evaluation.summary()} with the caller's timings added
     * @param thresholds the operating point used (out-of-scope and ambiguity thresholds, how they were chosen)
     */
    public static void write(Path dir, IntentEvaluation evaluation, EvaluationSummary summary,
                             Map<String, Object> thresholds) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), summary.toPrettyJson() + "\n");
        Files.writeString(dir.resolve("thresholds.json"), JSON.writeValueAsString(thresholds) + "\n");
        writeIntentReport(dir.resolve("intent_report.csv"), evaluation.intents());
        writeConfusionMatrix(dir.resolve("confusion_matrix.csv"), evaluation.confusion());
        Files.writeString(dir.resolve("confusion_matrix.html"), ConfusionMatrixHtml.render(evaluation.confusion()));
        writeErrors(dir.resolve("errors.csv"), evaluation.errors());
        writeReliability(dir.resolve("reliability.csv"), evaluation.reliability());
    }

    private static void writeIntentReport(Path file, List<IntentMetrics> intents) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (IntentMetrics m : intents) {
            rows.add(List.of(m.intent(), CsvFile.number(m.precision()), CsvFile.number(m.recall()),
                    CsvFile.number(m.f1()), m.support()));
        }
        CsvFile.write(file, List.of("intent", "precision", "recall", "f1", "support"), rows);
    }

    private static void writeConfusionMatrix(Path file, ConfusionMatrix matrix) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("gold\\predicted");
        header.addAll(matrix.labels());
        List<List<?>> rows = new ArrayList<>();
        for (String gold : matrix.labels()) {
            List<Object> row = new ArrayList<>();
            row.add(gold);
            matrix.labels().forEach(predicted -> row.add(matrix.count(gold, predicted)));
            rows.add(row);
        }
        CsvFile.write(file, header, rows);
    }

    private static void writeErrors(Path file, List<EvaluationRow> errors) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (EvaluationRow row : errors) {
            rows.add(List.of(row.text(), row.gold(), row.predicted(), row.topIntent(),
                    CsvFile.number(row.confidence())));
        }
        CsvFile.write(file, List.of("text", "gold", "predicted", "top_intent", "confidence"), rows);
    }

    private static void writeReliability(Path file, ReliabilityTable table) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (ReliabilityBin bin : table.bins()) {
            rows.add(List.of(CsvFile.number(bin.lower()), CsvFile.number(bin.upper()), bin.count(),
                    CsvFile.number(bin.meanConfidence()), CsvFile.number(bin.accuracy()), CsvFile.number(bin.gap())));
        }
        CsvFile.write(file, List.of("lower", "upper", "count", "mean_confidence", "accuracy", "gap"), rows);
    }
}
