package dev.parley.nlu.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void summaryJsonHasTheKeysScriptsRead() throws IOException {
        EvaluationSummary summary = IntentEvaluation.of(IntentEvaluationTest.ROWS).summary()
                .withTimings(12.5, 8.25, 31.0);
        String line = summary.toJson();
        assertFalse(line.contains("\n"));
        JsonNode json = JSON.readTree(line);
        Set<String> keys = new TreeSet<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(List.of("in_scope_accuracy", "oos_recall", "oos_precision", "macro_f1", "ece",
                "in_scope_count", "oos_count", "train_seconds", "parse_p50_ms", "parse_p99_ms")), keys);
        assertEquals(0.5, json.get("in_scope_accuracy").asDouble());
        assertEquals(12.5, json.get("train_seconds").asDouble());
        assertEquals(31.0, json.get("parse_p99_ms").asDouble());
    }

    @Test
    void writesEveryReportFileInAParseableForm(@TempDir Path tmp) throws IOException {
        List<EvaluationRow> rows = new ArrayList<>(IntentEvaluationTest.ROWS);
        rows.add(new EvaluationRow("a \"quoted\", with comma\nand <b>tags</b>", "b", "a", 0.95, false));
        // the extra row (gold b, predicted a) makes a: P 1/2 R 1/3 F1 0.4 and b: P 1/3 R 1/2 F1 0.4
        IntentEvaluation evaluation = IntentEvaluation.of(rows);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("out_of_scope", 0.42);
        thresholds.put("ambiguity_margin", 0.05);
        thresholds.put("chosen_on", "valid");
        Path dir = tmp.resolve("report");

        EvaluationReport.write(dir, evaluation, evaluation.summary().withTimings(1.0, 2.0, 3.0), thresholds);

        for (String file : EvaluationReport.FILES) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals(evaluation.summary().inScopeAccuracy(), summary.get("in_scope_accuracy").asDouble(), 1e-12);
        assertEquals(2.0, summary.get("parse_p50_ms").asDouble());
        assertEquals(thresholds, JSON.readValue(dir.resolve("thresholds.json").toFile(), Map.class));

        assertEquals(List.of("intent,precision,recall,f1,support", "a,0.5000,0.3333,0.4000,3",
                        "b,0.3333,0.5000,0.4000,2", "oos,0.6667,0.6667,0.6667,3"),
                Files.readAllLines(dir.resolve("intent_report.csv")).stream().map(String::strip).toList());
        assertEquals(List.of("gold\\predicted,a,b,oos", "a,1,1,1", "b,1,1,0", "oos,0,1,2"),
                Files.readAllLines(dir.resolve("confusion_matrix.csv")).stream().map(String::strip).toList());

        String errors = Files.readString(dir.resolve("errors.csv"));
        assertTrue(errors.startsWith("text,gold,predicted,top_intent,confidence\r\n"
                + "\"a \"\"quoted\"\", with comma\nand <b>tags</b>\",b,a,a,0.9500\r\n"
                + "a taken for b,a,b,b,0.8000\r\n"), errors);

        List<String> reliability = Files.readAllLines(dir.resolve("reliability.csv"));
        assertEquals("lower,upper,count,mean_confidence,accuracy,gap", reliability.get(0));
        assertEquals(16, reliability.size());
        assertEquals("0.0000,0.0667,0,,,0.0000", reliability.get(1));

        String html = Files.readString(dir.resolve("confusion_matrix.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<td class=\"e3\" title=\"a → b: 1 (33%)\">1</td>"), "shaded error cell");
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("http"), "self-contained");
    }

    @Test
    void htmlStaysReadableWith150Intents(@TempDir Path tmp) throws IOException {
        List<EvaluationRow> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String intent = String.format("intent_%03d", i);
            for (int k = 0; k < 30; k++) {
                String predicted = k == 0 ? String.format("intent_%03d", (i + 1) % 150) : intent;
                rows.add(new EvaluationRow("text " + k, intent, predicted, 0.9, false));
            }
        }
        rows.add(new EvaluationRow("<oos & co>", "oos", "intent_000", 0.1, true));
        String html = ConfusionMatrixHtml.render(IntentEvaluation.of(rows).confusion());
        assertTrue(html.length() < 1_500_000, "size " + html.length());
        assertTrue(html.contains("Full matrix (151 × 151)"));
        assertTrue(html.contains("Intents involved in errors (150)"));
        assertTrue(html.contains("<tr><td>intent_000</td><td>intent_001</td><td>1</td><td>3%</td></tr>"));
        assertTrue(html.contains("position:sticky"), "headers stay visible while scrolling");
    }

    @Test
    void escapesHtml() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;", ConfusionMatrixHtml.escape("<a href=\"x\">&"));
    }
}
