package dev.parley.nlu.data;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads labelled texts for {@code nlu evaluate --train/--test/--valid}: a {@code .jsonl} file, a Rasa
 * {@code nlu.yml} (or an intents/ file: told apart by its top-level {@code nlu:} or {@code intents:} key), or an
 * {@code intents/}-style folder.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    public static List<LabeledText> read(Path path) {
        if (Files.isDirectory(path)) {
            return IntentsLoader.load(path).labeledExamples();
        }
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".jsonl")) {
            return JsonlDataset.read(path);
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            YamlFile yaml = YamlFile.read(path);
            TrainingData data = isIntentsFile(yaml) ? IntentsLoader.read(yaml) : RasaNluImporter.read(yaml);
            return data.labeledExamples();
        }
        throw new TrainingDataException(path + ": unsupported dataset (expected .jsonl, a Rasa .yml or a folder)");
    }

    private static boolean isIntentsFile(YamlFile yaml) {
        return yaml.root().filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .map(root -> root.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("intents")))
                .orElse(false);
    }
}
