package dev.parley.nlu.data;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML file read as a node tree (snakeyaml's compose), so every problem can be reported as
 * {@code file:line: reason}. Scalars are taken as written: {@code - yes} is the example "yes", not a boolean.
 */
final class YamlFile {

    /** One item of a list, with the 1-based line it was written on. */
    record Item(int line, String text) {
    }

    private final String name;
    private final Node root;

    private YamlFile(String name, Node root) {
        this.name = name;
        this.root = root;
    }

    /** Reads and parses a UTF-8 file, named in errors as {@code file} was given (e.g. {@code intents/orders.yml}). */
    static YamlFile read(Path file) {
        return parse(file.toString(), SourceText.read(file));
    }

    /** @param name how the file is named in errors, e.g. {@code intents/orders.yml} */
    static YamlFile parse(String name, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        try {
            return new YamlFile(name, new Yaml(options).compose(new StringReader(text)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() : 0;
            String reason = "invalid YAML: " + (e.getContext() != null ? e.getContext() + ": " : "") + e.getProblem();
            String written = text.lines().skip(line).findFirst().orElse("");
            if (looksLikeUnquotedMarkup(written.strip())) {
                reason += " (quote a list item that starts with '[' or '{' or holds {\"entity\": ...} markup, "
                        + "or use an 'examples: |' block)";
            }
            throw TrainingDataException.at(name, line + 1, reason);
        } catch (YAMLException e) {
            throw new TrainingDataException(name + ": invalid YAML: " + e.getMessage(), e);
        }
    }

    /** YAML reads {@code - [red](color) ...} as a list and {@code ]{"entity": "x"}} as a mapping. */
    private static boolean looksLikeUnquotedMarkup(String line) {
        return line.startsWith("- [") || line.startsWith("- {") || (line.startsWith("- ") && line.contains("]{"));
    }

    String name() {
        return name;
    }

    /** The document's top-level node; empty for an empty file. */
    Optional<Node> root() {
        return Optional.ofNullable(root);
    }

    int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    TrainingDataException error(Node node, String reason) {
        return TrainingDataException.at(name, line(node), reason);
    }

    /** The keys of a mapping, checked against {@code allowed} (typos are errors) and for duplicates. */
    Fields fields(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of " + String.join(", ", new TreeSet<>(allowed)));
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), what + " keys must be plain words");
            }
            if (!allowed.contains(key.getValue())) {
                throw error(key, "unknown key '" + key.getValue() + "' in " + what + " (expected one of "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (values.put(key.getValue(), tuple.getValueNode()) != null) {
                throw error(key, "duplicate key '" + key.getValue() + "' in " + what);
            }
        }
        return new Fields(mapping, what, values);
    }

    /** Every key/value pair of a mapping whose keys are free (synonym canonical values, response names). */
    List<NodeTuple> entries(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        Set<String> seen = new TreeSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = string(tuple.getKeyNode(), what + " key");
            if (!seen.add(key)) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        return mapping.getValue();
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list");
        }
        return sequence.getValue();
    }

    /** A non-blank scalar, as written (stripped). */
    String string(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw error(node, what + " must be a string");
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            throw error(node, what + " must not be empty");
        }
        return value;
    }

    boolean bool(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.BOOL)) {
            throw error(node, what + " must be true or false");
        }
        return Set.of("true", "yes", "on").contains(scalar.getValue().toLowerCase());
    }

    /** A list of strings; a single string counts as a list of one. */
    List<String> strings(Node node, String what) {
        if (node instanceof ScalarNode) {
            return List.of(string(node, what));
        }
        return sequence(node, what + "s").stream().map(item -> string(item, what)).toList();
    }

    /**
     * A list written either as a YAML list of strings or, Rasa style, as a literal block ({@code |}) of
     * {@code - } lines. Each item keeps its own line for later errors.
     */
    List<Item> items(Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL) {
            return blockItems(scalar, what);
        }
        if (node instanceof ScalarNode) {
            throw error(node, what + "s must be a list or a '|' block of '- ' lines");
        }
        List<Item> items = new ArrayList<>();
        for (Node item : sequence(node, what + "s")) {
            items.add(new Item(line(item), string(item, what)));
        }
        return items;
    }

    private List<Item> blockItems(ScalarNode block, String what) {
        // A literal block's content starts on the line after its '|' indicator and keeps its line structure.
        int firstLine = line(block) + 1;
        String[] lines = block.getValue().split("\n", -1);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNumber = firstLine + i;
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("- ") && !line.equals("-")) {
                throw TrainingDataException.at(name, lineNumber, what + " lines in a '|' block must start with '- '");
            }
            String text = line.substring(1).strip();
            if (text.isEmpty()) {
                throw TrainingDataException.at(name, lineNumber, what + " must not be empty");
            }
            items.add(new Item(lineNumber, text));
        }
        return items;
    }

    /** The checked keys of one mapping. */
    final class Fields {
        private final MappingNode node;
        private final String what;
        private final Map<String, Node> values;

        private Fields(MappingNode node, String what, Map<String, Node> values) {
            this.node = node;
            this.what = what;
            this.values = values;
        }

        MappingNode node() {
            return node;
        }

        Optional<Node> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        Node required(String key) {
            Node value = values.get(key);
            if (value == null) {
                throw error(node, what + " is missing '" + key + "'");
            }
            return value;
        }

        String requiredString(String key) {
            return string(required(key), key);
        }

        Optional<String> optionalString(String key) {
            return get(key).map(value -> string(value, key));
        }
    }
}
