package dev.parley.nlu.cli;

import dev.parley.cli.Arguments;
import dev.parley.nlu.data.IntentsYamlWriter;
import dev.parley.nlu.data.RasaNluImporter;
import dev.parley.nlu.data.TrainingData;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code nlu import --rasa nlu.yml --out intents/imported.yml}. */
final class NluImport {

    private NluImport() {
    }

    static int run(Arguments arguments, PrintStream out) {
        Path source = Path.of(arguments.required("rasa"));
        Path target = Path.of(arguments.required("out"));
        TrainingData data = RasaNluImporter.read(source);
        IntentsYamlWriter.write(data, target, "Imported from " + source.getFileName() + " (Rasa nlu.yml)");
        out.printf("{\"intents\": %d, \"examples\": %d, \"entities\": %d, \"out\": \"%s\"}%n", data.intents().size(),
                data.labeledExamples().size(), data.entities().size(), target);
        return 0;
    }
}
