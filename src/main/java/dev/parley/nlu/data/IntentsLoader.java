package dev.parley.nlu.data;

import dev.parley.message.Channel;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code intents/} folder (format in {@code intents/README.md}) into one {@link TrainingData}. Every
 * problem is a {@link TrainingDataException} whose message is {@code file:line: reason}; unknown keys are errors so
 * a typo never silently drops data.
 */
public final class IntentsLoader {

    /** snake_case; one {@code /} allowed for Rasa retrieval intents ({@code faq/ask_name}). */
    static final Pattern INTENT_NAME = Pattern.compile("[a-z][a-z0-9_]*(/[a-z0-9_]+)?");
    static final Pattern ENTITY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    private static final Set<String> FILE_KEYS = Set.of("domain", "intents", "entities", "responses");
    private static final Set<String> INTENT_KEYS = Set.of("name", "description", "action", "slots", "examples",
            "responses", "quick_replies");
    private static final Set<String> ENTITY_KEYS = Set.of("name", "fuzzy", "lookup", "synonyms", "regex",
            "normalize");
    private static final Set<String> NORMALIZE_KEYS = Set.of("case", "replace");
    private static final Set<String> SLOT_KEYS = Set.of("entity", "prompt");
    private static final Set<String> RESPONSE_KEYS = Set.of("text", "channel");

    private final YamlFile yaml;
    /** intent name → where it was first defined, shared across the files of one folder */
    private final Map<String, String> definedAt;

    private IntentsLoader(YamlFile yaml, Map<String, String> definedAt) {
        this.yaml = yaml;
        this.definedAt = definedAt;
    }

    /** Every {@code *.yml} in {@code dir}, in name order, merged. Intent names must be unique across files. */
    public static TrainingData load(Path dir) {
        Map<String, String> definedAt = new LinkedHashMap<>();
        TrainingData all = TrainingData.empty();
        for (Path file : IntentsFolder.files(dir)) {
            TrainingData data = new IntentsLoader(YamlFile.read(file), definedAt).read();
            try {
                all = all.merge(data);
            } catch (TrainingDataException e) {
                throw new TrainingDataException(file + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    /** One intents file on its own. */
    public static TrainingData loadFile(Path file) {
        return read(YamlFile.read(file));
    }

    /** Parses YAML text, naming it {@code fileName} in errors. */
    public static TrainingData parse(String fileName, String yamlText) {
        return read(YamlFile.parse(fileName, yamlText));
    }

    static TrainingData read(YamlFile yaml) {
        return new IntentsLoader(yaml, new LinkedHashMap<>()).read();
    }

    private TrainingData read() {
        if (yaml.root().isEmpty()) {
            return TrainingData.empty();
        }
        YamlFile.Fields file = yaml.fields(yaml.root().get(), "an intents file", FILE_KEYS);
        file.optionalString("domain"); // checked only: the domain name is for people
        List<IntentDefinition> intents = new ArrayList<>();
        file.get("intents").ifPresent(node -> yaml.sequence(node, "intents").forEach(i -> intents.add(intent(i))));
        // an entity defined twice merges, within a file exactly as across files
        Map<String, EntityDefinition> entities = new LinkedHashMap<>();
        file.get("entities").ifPresent(node -> {
            for (Node entity : yaml.sequence(node, "entities")) {
                EntityDefinition definition = entity(entity);
                try {
                    entities.merge(definition.name(), definition, EntityDefinition::merge);
                } catch (TrainingDataException e) {
                    throw yaml.error(entity, e.getMessage());
                }
            }
        });
        Map<String, List<ResponseVariant>> responses = new LinkedHashMap<>();
        file.get("responses").ifPresent(node -> {
            for (NodeTuple entry : yaml.entries(node, "responses")) {
                responses.put(yaml.string(entry.getKeyNode(), "response name"), variants(entry.getValueNode()));
            }
        });
        return new TrainingData(intents, new ArrayList<>(entities.values()), responses);
    }

    private IntentDefinition intent(Node node) {
        YamlFile.Fields fields = yaml.fields(node, "intent", INTENT_KEYS);
        Node nameNode = fields.required("name");
        String name = yaml.string(nameNode, "intent name");
        if (!INTENT_NAME.matcher(name).matches()) {
            throw yaml.error(nameNode, "intent name '" + name + "' must be snake_case (a-z, 0-9, _)");
        }
        String here = yaml.name() + ":" + yaml.line(nameNode);
        String earlier = definedAt.putIfAbsent(name, here);
        if (earlier != null) {
            throw yaml.error(nameNode, "intent '" + name + "' is already defined at " + earlier);
        }
        List<Example> examples = fields.get("examples").map(this::examples).orElse(List.of());
        if (examples.isEmpty()) {
            throw yaml.error(fields.node(), "intent '" + name + "' has no examples");
        }
        String description = fields.optionalString("description").orElse("");
        List<ResponseVariant> responses = fields.get("responses").map(this::variants).orElse(List.of());
        List<SlotRequirement> slots = fields.get("slots")
                .map(n -> yaml.sequence(n, "slots").stream().map(this::slot).toList()).orElse(List.of());
        String action = fields.optionalString("action").orElse(null);
        List<String> quickReplies = fields.get("quick_replies").map(n -> yaml.strings(n, "quick reply"))
                .orElse(List.of());
        return new IntentDefinition(name, description, examples, responses, slots, action, quickReplies);
    }

    private List<Example> examples(Node node) {
        List<Example> examples = new ArrayList<>();
        for (YamlFile.Item item : yaml.items(node, "example")) {
            examples.add(example(yaml, item));
        }
        return examples;
    }

    /** Parses one example's markup, reporting a markup error at the example's line. */
    static Example example(YamlFile yaml, YamlFile.Item item) {
        try {
            return EntityMarkup.parse(item.text());
        } catch (EntityMarkupException e) {
            throw TrainingDataException.at(yaml.name(), item.line(), "example '" + item.text() + "': "
                    + e.getMessage());
        }
    }

    private SlotRequirement slot(Node node) {
        YamlFile.Fields fields = yaml.fields(node, "slot", SLOT_KEYS);
        return new SlotRequirement(fields.requiredString("entity"), fields.requiredString("prompt"));
    }

    private List<ResponseVariant> variants(Node node) {
        List<ResponseVariant> variants = new ArrayList<>();
        for (Node item : yaml.sequence(node, "responses")) {
            variants.add(variant(item));
        }
        return variants;
    }

    /** {@code - text: ...} with an optional {@code channel}, or just a string. */
    private ResponseVariant variant(Node node) {
        if (!(node instanceof MappingNode)) {
            return new ResponseVariant(yaml.string(node, "response"), null);
        }
        YamlFile.Fields fields = yaml.fields(node, "response", RESPONSE_KEYS);
        String channel = fields.get("channel").map(this::channel).orElse(null);
        return new ResponseVariant(fields.requiredString("text"), channel);
    }

    private String channel(Node node) {
        String channel = yaml.string(node, "channel").toLowerCase();
        if (!channel.equals("voice")) {
            try {
                Channel.fromId(channel);
            } catch (IllegalArgumentException e) {
                throw yaml.error(node, "unknown channel '" + channel + "' (expected voice, webchat, whatsapp, "
                        + "alexa or phone)");
            }
        }
        return channel;
    }

    private EntityDefinition entity(Node node) {
        YamlFile.Fields fields = yaml.fields(node, "entity", ENTITY_KEYS);
        String name = entityName(yaml, fields.required("name"));
        boolean fuzzy = fields.get("fuzzy").map(n -> yaml.bool(n, "fuzzy")).orElse(false);
        List<String> lookup = fields.get("lookup").map(n -> yaml.strings(n, "lookup value")).orElse(List.of());
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        fields.get("synonyms").ifPresent(n -> {
            for (NodeTuple entry : yaml.entries(n, "synonyms")) {
                synonyms.put(yaml.string(entry.getKeyNode(), "canonical value"),
                        yaml.strings(entry.getValueNode(), "synonym"));
            }
        });
        List<String> regexes = new ArrayList<>();
        fields.get("regex").ifPresent(n -> {
            List<Node> items = n instanceof ScalarNode ? List.of(n) : yaml.sequence(n, "regex");
            for (Node item : items) {
                regexes.add(validRegex(yaml, yaml.line(item), yaml.string(item, "regex")));
            }
        });
        ValueNormalization normalize = fields.get("normalize").map(this::normalization)
                .orElse(ValueNormalization.NONE);
        return new EntityDefinition(name, lookup, synonyms, regexes, fuzzy, normalize);
    }

    /** {@code case: upper|lower} and {@code replace:} an ordered mapping of regex to replacement. */
    private ValueNormalization normalization(Node node) {
        YamlFile.Fields fields = yaml.fields(node, "normalize", NORMALIZE_KEYS);
        ValueNormalization.LetterCase letterCase = fields.get("case").map(n -> switch (yaml.string(n, "case")) {
            case "upper" -> ValueNormalization.LetterCase.UPPER;
            case "lower" -> ValueNormalization.LetterCase.LOWER;
            default -> throw yaml.error(n, "case must be upper or lower");
        }).orElse(ValueNormalization.LetterCase.AS_WRITTEN);
        List<ValueNormalization.Replacement> replacements = new ArrayList<>();
        fields.get("replace").ifPresent(n -> {
            for (NodeTuple entry : yaml.entries(n, "replace")) {
                String pattern = yaml.string(entry.getKeyNode(), "replace pattern");
                // an empty replacement deletes what the pattern matches
                if (!(entry.getValueNode() instanceof ScalarNode replacement)) {
                    throw yaml.error(entry.getValueNode(), "replacement must be a string");
                }
                replacements.add(new ValueNormalization.Replacement(pattern,
                        replacement.getTag().equals(Tag.NULL) ? "" : replacement.getValue()));
            }
        });
        try {
            return new ValueNormalization(letterCase, replacements);
        } catch (IllegalArgumentException e) {
            throw yaml.error(node, "normalize: " + e.getMessage());
        }
    }

    static String entityName(YamlFile yaml, Node node) {
        String name = yaml.string(node, "entity name");
        if (!ENTITY_NAME.matcher(name).matches()) {
            throw yaml.error(node, "entity name '" + name + "' may hold only letters, digits, '_', '-', '.'");
        }
        return name;
    }

    /** A regex that compiles as Java; otherwise an error at its line. */
    static String validRegex(YamlFile yaml, int line, String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw TrainingDataException.at(yaml.name(), line, "invalid regex '" + regex + "': " + e.getDescription());
        }
        return regex;
    }
}
