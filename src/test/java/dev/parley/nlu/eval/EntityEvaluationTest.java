package dev.parley.nlu.eval;

import dev.parley.nlu.Entity;
import dev.parley.nlu.data.EntitySpan;
import dev.parley.nlu.data.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityEvaluationTest {

    private static final List<Example> EXAMPLES = List.of(
            new Example("red shoes in M", List.of(new EntitySpan("color", 0, 3, "red"),
                    new EntitySpan("size", 13, 14, "M"))),
            new Example("where is pa 123456", List.of(new EntitySpan("order_number", 9, 18, "PA-123456"))),
            Example.of("what's new"));

    /** What an extractor might say: one right, one missed (size), one wrong value, one spurious. */
    private static final Map<String, List<Entity>> FOUND = Map.of(
            "red shoes in M", List.of(new Entity("color", "red", 0, 3, "red", "lookup")),
            "where is pa 123456", List.of(new Entity("order_number", "pa 123456", 9, 18, "pa 123456", "regex")),
            "what's new", List.of(new Entity("size", "s", 5, 6, "S", "lookup")));

    @Test
    void countsStrictSpanMatchesPerTypeAndOverall() {
        EntityEvaluation evaluation = EntityEvaluation.of(EXAMPLES, FOUND::get);
        assertEquals(new EntityEvaluation.Counts(3, 3, 2, 1), evaluation.total());
        assertEquals(2.0 / 3, evaluation.total().precision(), 1e-9);
        assertEquals(2.0 / 3, evaluation.total().recall(), 1e-9);
        assertEquals(0.5, evaluation.total().valueAccuracy(), 1e-9);
        assertEquals(new EntityEvaluation.Counts(1, 1, 0, 0), evaluation.types().get("size"));
        assertEquals(Map.of("lookup", 1), evaluation.spuriousBySource());
        assertEquals(List.of(
                new EntityEvaluation.Error("missed", "size", "M", 13, 14, "M", null, null, "red shoes in M"),
                new EntityEvaluation.Error("value", "order_number", "pa 123456", 9, 18, "PA-123456", "pa 123456",
                        "regex", "where is pa 123456"),
                new EntityEvaluation.Error("spurious", "size", "s", 5, 6, null, "S", "lookup", "what's new")),
                evaluation.errors());
    }

    @Test
    void summaryAndErrorFile(@TempDir Path tmp) throws IOException {
        EntityEvaluation evaluation = EntityEvaluation.of(EXAMPLES, FOUND::get);
        String json = evaluation.summaryJson();
        assertTrue(json.startsWith("{\"annotated\": 3, \"found\": 3, \"correct\": 2, \"precision\": 0.6667, "
                + "\"recall\": 0.6667, \"f1\": 0.6667, \"value_accuracy\": 0.5000, \"spurious_by_source\": "
                + "{\"lookup\": 1}, \"types\": {\"color\": {"), json);
        assertTrue(json.contains("\"size\": {\"annotated\": 1, \"found\": 1, \"correct\": 0, \"precision\": 0.0000, "
                + "\"recall\": 0.0000, \"f1\": 0.0000, \"value_accuracy\": null}"), json);
        Path file = tmp.resolve("errors.csv");
        evaluation.writeErrors(file);
        assertEquals(List.of("kind,type,surface,start,end,expected,actual,source,example",
                "missed,size,M,13,14,M,,,red shoes in M",
                "value,order_number,pa 123456,9,18,PA-123456,pa 123456,regex,where is pa 123456",
                "spurious,size,s,5,6,,S,lookup,what's new"), Files.readAllLines(file));
    }

    @Test
    void nothingAnnotatedNothingFound() {
        EntityEvaluation evaluation = EntityEvaluation.of(List.of(Example.of("hi")), text -> List.of());
        assertEquals(new EntityEvaluation.Counts(0, 0, 0, 0), evaluation.total());
        assertTrue(evaluation.summaryJson().startsWith("{\"annotated\": 0, \"found\": 0, \"correct\": 0, "
                + "\"precision\": null, \"recall\": null, \"f1\": null"), evaluation.summaryJson());
    }
}
