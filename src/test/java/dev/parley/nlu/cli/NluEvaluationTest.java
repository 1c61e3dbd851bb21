package dev.parley.nlu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.CliCommand;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nlu evaluate} end to end on a slice of CLINC150 (../shared/datasets): 15 intents, 30 training queries
 * each plus out-of-scope rows, tested on their test queries. The floors are far below what the full benchmark
 * reaches (BENCHMARKS.md) but far above chance (1/15) and a broken threshold.
 */
class NluEvaluationTest {

    private static final Path CLINC = Path.of("..", "shared", "datasets", "clinc150", "full");

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().environments("test").start();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void evaluatesASliceOfClinc150AboveAFloor(@TempDir Path dir) throws Exception {
        Path train = slice(CLINC.resolve("train.jsonl"), dir.resolve("train.jsonl"), 30, 60);
        Path test = slice(CLINC.resolve("test.jsonl"), dir.resolve("test.jsonl"), 20, 100);
        Path report = dir.resolve("report");
        CliCommand nlu = context.getBeansOfType(CliCommand.class).stream()
                .filter(c -> c.name().equals("nlu")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = nlu.run(List.of("evaluate", "--train", train.toString(), "--test", test.toString(),
                "--report", report.toString(), "--latency-sample", "20"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, exit);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertTrue(summary.get("in_scope_accuracy").asDouble() >= 0.85, summary.toString());
        assertTrue(summary.get("oos_recall").asDouble() >= 0.40, summary.toString());
        assertTrue(summary.get("ece").asDouble() <= 0.15, summary.toString());
        assertTrue(summary.get("macro_f1").asDouble() >= 0.85, summary.toString());
        assertTrue(summary.get("parse_p50_ms").asDouble() > 0);
        for (String file : List.of("summary.json", "intent_report.csv", "thresholds.json", "confusion_matrix.csv",
                "confusion_matrix.html", "errors.csv", "reliability.csv")) {
            assertTrue(Files.size(report.resolve(file)) > 0, file);
        }
        JsonNode thresholds = new ObjectMapper().readTree(report.resolve("thresholds.json").toFile());
        assertTrue(thresholds.get("oos_trained_as_class").asBoolean(), thresholds.toString());
    }

    /** The first {@code perIntent} rows of each of the first 15 intents, plus {@code oos} out-of-scope rows. */
    private static Path slice(Path source, Path target, int perIntent, int oos) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(source)) {
            String intent = json.readTree(line).get("intent").asText();
            int limit = intent.equals("oos") ? oos : perIntent;
            if (!intent.equals("oos") && !counts.containsKey(intent) && counts.size() >= 16) {
                continue;
            }
            if (counts.merge(intent, 1, Integer::sum) <= limit) {
                kept.add(line);
            }
        }
        Files.write(target, kept);
        return target;
    }
}
