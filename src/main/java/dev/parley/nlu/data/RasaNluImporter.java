package dev.parley.nlu.data;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Rasa 3.x NLU training data ({@code nlu.yml}): {@code - intent:}, {@code - synonym:}, {@code - lookup:} and
 * {@code - regex:} items, examples as a {@code |} block or a list (also {@code - text:} items with metadata).
 * A lookup or regex named X becomes entity X. Rasa synonyms have no entity type, so a synonym attaches to the
 * entity types whose annotations use its canonical value or one of its variants, or whose lookup lists it.
 */
public final class RasaNluImporter {

    private static final Set<String> FILE_KEYS = Set.of("version", "nlu", "rules", "stories", "responses");
    private static final Set<String> ITEM_KINDS = Set.of("intent", "synonym", "lookup", "regex");
    private static final Set<String> ITEM_KEYS = Set.of("intent", "synonym", "lookup", "regex", "examples",
            "metadata");
    private static final Set<String> EXAMPLE_KEYS = Set.of("text", "metadata");

    private final YamlFile yaml;
    private final Map<String, List<Example>> examplesByIntent = new LinkedHashMap<>();
    private final Map<String, EntityDefinition> entities = new LinkedHashMap<>();
    private final List<PendingSynonym> synonyms = new ArrayList<>();

    private record PendingSynonym(Node nameNode, String canonical, List<String> variants) {
    }

    private RasaNluImporter(YamlFile yaml) {
        this.yaml = yaml;
    }

    public static TrainingData read(Path file) {
        return read(YamlFile.read(file));
    }

    /** Parses Rasa YAML text, naming it {@code fileName} in errors. */
    public static TrainingData parse(String fileName, String yamlText) {
        return read(YamlFile.parse(fileName, yamlText));
    }

    static TrainingData read(YamlFile yaml) {
        return new RasaNluImporter(yaml).read();
    }

    private TrainingData read() {
        if (yaml.root().isEmpty()) {
            return TrainingData.empty();
        }
        // rules, stories and responses are dialogue data, not NLU: accepted and skipped
        YamlFile.Fields file = yaml.fields(yaml.root().get(), "a Rasa NLU file", FILE_KEYS);
        file.optionalString("version");
        file.get("nlu").ifPresent(node -> yaml.sequence(node, "nlu").forEach(this::item));
        synonyms.forEach(this::attach);
        List<IntentDefinition> intents = new ArrayList<>();
        examplesByIntent.forEach((name, examples) -> intents.add(IntentDefinition.ofExamples(name, examples)));
        return new TrainingData(intents, new ArrayList<>(entities.values()), Map.of());
    }

    private void item(Node node) {
        YamlFile.Fields fields = yaml.fields(node, "nlu item", ITEM_KEYS);
        List<String> kinds = ITEM_KINDS.stream().filter(k -> fields.get(k).isPresent()).sorted().toList();
        if (kinds.size() != 1) {
            throw yaml.error(node, "nlu item must have exactly one of intent, synonym, lookup, regex"
                    + (kinds.isEmpty() ? "" : " (found " + String.join(", ", kinds) + ")"));
        }
        String kind = kinds.get(0);
        Node nameNode = fields.required(kind);
        Node examplesNode = fields.required("examples");
        switch (kind) {
            case "intent" -> intent(nameNode, yaml.string(nameNode, "intent name"), examplesNode);
            case "synonym" -> synonyms.add(new PendingSynonym(nameNode, yaml.string(nameNode, "synonym"),
                    texts(examplesNode, "synonym")));
            case "lookup" -> addEntity(new EntityDefinition(IntentsLoader.entityName(yaml, nameNode),
                    texts(examplesNode, "lookup value"), Map.of(), List.of(), false));
            default -> addEntity(new EntityDefinition(IntentsLoader.entityName(yaml, nameNode), List.of(), Map.of(),
                    regexes(examplesNode), false));
        }
    }

    private void intent(Node nameNode, String name, Node examplesNode) {
        if (!IntentsLoader.INTENT_NAME.matcher(name).matches()) {
            throw yaml.error(nameNode, "intent name '" + name + "' must be snake_case (a-z, 0-9, _; one '/' for "
                    + "retrieval intents) to be usable in intents/");
        }
        List<Example> examples = examplesByIntent.computeIfAbsent(name, n -> new ArrayList<>());
        for (YamlFile.Item item : exampleItems(examplesNode)) {
            examples.add(IntentsLoader.example(yaml, item));
        }
    }

    /** Rasa's forms: a {@code |} block, a list of strings, or a list of {@code text:} (+ metadata) mappings. */
    private List<YamlFile.Item> exampleItems(Node node) {
        if (!(node instanceof SequenceNode)) {
            return yaml.items(node, "example");
        }
        List<YamlFile.Item> items = new ArrayList<>();
        for (Node item : yaml.sequence(node, "examples")) {
            Node text = item instanceof MappingNode ? yaml.fields(item, "example", EXAMPLE_KEYS).required("text")
                    : item;
            items.add(new YamlFile.Item(yaml.line(text), yaml.string(text, "example")));
        }
        return items;
    }

    private List<String> texts(Node node, String what) {
        return yaml.items(node, what).stream().map(YamlFile.Item::text).toList();
    }

    private List<String> regexes(Node node) {
        List<String> regexes = new ArrayList<>();
        for (YamlFile.Item item : yaml.items(node, "regex")) {
            regexes.add(IntentsLoader.validRegex(yaml, item.line(), item.text()));
        }
        return regexes;
    }

    private void addEntity(EntityDefinition definition) {
        entities.merge(definition.name(), definition, EntityDefinition::merge);
    }

    private void attach(PendingSynonym synonym) {
        Set<String> types = new LinkedHashSet<>();
        for (List<Example> examples : examplesByIntent.values()) {
            for (Example example : examples) {
                for (EntitySpan span : example.entities()) {
                    String surface = example.text().substring(span.start(), span.end());
                    if (synonym.canonical.equals(span.value()) || synonym.variants.contains(surface)) {
                        types.add(span.type());
                    }
                }
            }
        }
        entities.values().stream().filter(e -> e.lookup().contains(synonym.canonical))
                .forEach(e -> types.add(e.name()));
        if (types.isEmpty()) {
            throw yaml.error(synonym.nameNode, "synonym '" + synonym.canonical + "' belongs to no entity: annotate an "
                    + "example as [text](type:" + synonym.canonical + ") or list it in a lookup");
        }
        for (String type : types) {
            addEntity(new EntityDefinition(type, List.of(),
                    Map.of(synonym.canonical, synonym.variants), List.of(), false));
        }
    }
}
