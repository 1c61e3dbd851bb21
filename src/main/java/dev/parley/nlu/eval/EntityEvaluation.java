package dev.parley.nlu.eval;

import dev.parley.nlu.Entity;
import dev.parley.nlu.data.EntitySpan;
import dev.parley.nlu.data.Example;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Entities found vs entities annotated in examples (the Rasa markup of {@code intents/}), like the entity part of
 * {@code rasa test nlu}: a found entity counts as correct when its type and exact span equal an annotated one
 * ("strict" span matching); {@code valueAccuracy} is the share of those whose canonical value is also the
 * annotated one. Precision = correct / found, recall = correct / annotated, per type and over all types (micro).
 *
 * @param total             all types together
 * @param types             per entity type, in name order
 * @param spuriousBySource  found but not annotated, by what found them ({@code lookup}, {@code fuzzy}, ...): an
 *                          exact lookup is often a mention the markup left out, a fuzzy one rarely is
 * @param errors            every missed, spurious or wrongly valued entity, in example order
 */
public record EntityEvaluation(Counts total, Map<String, Counts> types, Map<String, Integer> spuriousBySource,
                               List<Error> errors) {

    /** Counts of one type (or of all); the rates are NaN when there is nothing to divide by. */
    public record Counts(int annotated, int found, int correct, int correctValue) {

        Counts plus(Counts other) {
            return new Counts(annotated + other.annotated, found + other.found, correct + other.correct,
                    correctValue + other.correctValue);
        }

        public double precision() {
            return (double) correct / found;
        }

        public double recall() {
            return (double) correct / annotated;
        }

        public double f1() {
            return 2.0 * correct / (annotated + found);
        }

        public double valueAccuracy() {
            return (double) correctValue / correct;
        }
    }

    /**
     * @param kind     {@code missed} (annotated, not found), {@code spurious} (found, not annotated) or
     *                 {@code value} (right span, other canonical value)
     * @param expected the annotated value ({@code null} when spurious)
     * @param actual   the found value ({@code null} when missed)
     * @param source   what found it ({@code null} when missed)
     */
    public record Error(String kind, String type, String surface, int start, int end, String expected,
                        String actual, String source, String example) {
    }

    private record Key(String type, int start, int end) {
    }

    public static EntityEvaluation of(List<Example> examples, Function<String, List<Entity>> extractor) {
        Map<String, Counts> types = new TreeMap<>();
        Map<String, Integer> spuriousBySource = new TreeMap<>();
        List<Error> errors = new ArrayList<>();
        for (Example example : examples) {
            String text = example.text();
            Map<Key, EntitySpan> annotated = new LinkedHashMap<>();
            example.entities().forEach(e -> annotated.put(new Key(e.type(), e.start(), e.end()), e));
            Map<Key, Entity> found = new LinkedHashMap<>();
            extractor.apply(text).forEach(e -> found.put(new Key(e.type(), e.start(), e.end()), e));
            for (Map.Entry<Key, EntitySpan> gold : annotated.entrySet()) {
                Key key = gold.getKey();
                Entity match = found.get(key);
                boolean sameValue = match != null && Objects.equals(match.value(), gold.getValue().value());
                types.merge(key.type, new Counts(1, 0, match == null ? 0 : 1, sameValue ? 1 : 0), Counts::plus);
                if (match == null || !sameValue) {
                    errors.add(new Error(match == null ? "missed" : "value", key.type, surface(text, key), key.start,
                            key.end, gold.getValue().value(), match == null ? null : match.value(),
                            match == null ? null : match.source(), text));
                }
            }
            for (Map.Entry<Key, Entity> entity : found.entrySet()) {
                Key key = entity.getKey();
                types.merge(key.type, new Counts(0, 1, 0, 0), Counts::plus);
                if (!annotated.containsKey(key)) {
                    spuriousBySource.merge(entity.getValue().source(), 1, Integer::sum);
                    errors.add(new Error("spurious", key.type, surface(text, key), key.start, key.end, null,
                            entity.getValue().value(), entity.getValue().source(), text));
                }
            }
        }
        Counts total = types.values().stream().reduce(new Counts(0, 0, 0, 0), Counts::plus);
        return new EntityEvaluation(total, types, spuriousBySource, errors);
    }

    private static String surface(String text, Key key) {
        return text.substring(key.start, key.end);
    }

    /** One line of JSON: the totals and each type's precision, recall and F1 (4 decimals; null for NaN). */
    public String summaryJson() {
        StringBuilder json = new StringBuilder("{").append(countsJson(total)).append(", \"spurious_by_source\": {");
        String separator = "";
        for (Map.Entry<String, Integer> source : spuriousBySource.entrySet()) {
            json.append(separator).append('"').append(source.getKey()).append("\": ").append(source.getValue());
            separator = ", ";
        }
        json.append("}, \"types\": {");
        separator = "";
        for (Map.Entry<String, Counts> type : types.entrySet()) {
            json.append(separator).append('"').append(type.getKey()).append("\": {").append(countsJson(type.getValue()))
                    .append('}');
            separator = ", ";
        }
        return json.append("}}").toString();
    }

    private static String countsJson(Counts counts) {
        return "\"annotated\": " + counts.annotated + ", \"found\": " + counts.found + ", \"correct\": "
                + counts.correct + ", \"precision\": " + rate(counts.precision()) + ", \"recall\": "
                + rate(counts.recall()) + ", \"f1\": " + rate(counts.f1()) + ", \"value_accuracy\": "
                + rate(counts.valueAccuracy());
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "null" : CsvFile.number(value);
    }

    /** The errors as CSV: kind, type, surface, start, end, expected, actual, source, example. */
    public void writeErrors(Path file) throws IOException {
        List<List<?>> rows = errors.stream().<List<?>>map(e -> Arrays.asList(e.kind, e.type, e.surface,
                e.start, e.end, e.expected, e.actual, e.source, e.example)).toList();
        CsvFile.write(file, List.of("kind", "type", "surface", "start", "end", "expected", "actual", "source",
                "example"), rows);
    }
}
