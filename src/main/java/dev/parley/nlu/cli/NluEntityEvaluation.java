package dev.parley.nlu.cli;

import dev.parley.cli.Arguments;
import dev.parley.nlu.data.Example;
import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.IntentsLoader;
import dev.parley.nlu.data.TrainingData;
import dev.parley.nlu.entity.DictionaryEntityExtractor;
import dev.parley.nlu.eval.EntityEvaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code nlu entities [--data DIR] [--errors FILE]}: the entity extractor (regex, lookup, synonym and fuzzy
 * matches of the entity definitions; not CoreNLP's NER) against the entity markup of the examples. Prints a
 * per-type table to stderr and one JSON summary as the last stdout line.
 */
final class NluEntityEvaluation {

    private NluEntityEvaluation() {
    }

    static int run(TrainingData configured, Arguments arguments, PrintStream out, PrintStream err)
            throws IOException {
        TrainingData data = arguments.option("data").map(d -> IntentsLoader.load(Path.of(d))).orElse(configured);
        List<Example> examples = data.intents().stream().map(IntentDefinition::examples).flatMap(List::stream)
                .toList();
        DictionaryEntityExtractor extractor = new DictionaryEntityExtractor(data.entities());
        EntityEvaluation evaluation = EntityEvaluation.of(examples, extractor::extract);
        err.printf(Locale.ROOT, "%-14s %9s %6s %8s %9s %7s %6s%n", "type", "annotated", "found", "correct",
                "precision", "recall", "f1");
        for (Map.Entry<String, EntityEvaluation.Counts> type : evaluation.types().entrySet()) {
            row(err, type.getKey(), type.getValue());
        }
        row(err, "all", evaluation.total());
        err.println("found but not annotated, by source: " + evaluation.spuriousBySource());
        if (arguments.option("errors").isPresent()) {
            Path file = Path.of(arguments.required("errors"));
            evaluation.writeErrors(file);
            err.println(evaluation.errors().size() + " errors written to " + file.toAbsolutePath());
        }
        out.println(evaluation.summaryJson());
        return 0;
    }

    private static void row(PrintStream err, String type, EntityEvaluation.Counts counts) {
        err.printf(Locale.ROOT, "%-14s %9d %6d %8d %9.3f %7.3f %6.3f%n", type, counts.annotated(), counts.found(),
                counts.correct(), counts.precision(), counts.recall(), counts.f1());
    }
}
