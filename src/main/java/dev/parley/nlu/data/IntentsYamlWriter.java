package dev.parley.nlu.data;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@link TrainingData} as an {@code intents/} YAML file that {@link IntentsLoader} reads back unchanged:
 * examples re-emit their entity markup, empty sections are left out, and map-valued sections are written in key
 * order so the same data always gives the same file.
 */
public final class IntentsYamlWriter {

    private IntentsYamlWriter() {
    }

    public static void write(TrainingData data, Path file, String headerComment) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toYaml(data, headerComment));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @param headerComment written as {@code # } lines at the top; null or empty for none */
    public static String toYaml(TrainingData data, String headerComment) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("intents", data.intents().stream().map(IntentsYamlWriter::intent).toList());
        if (!data.entities().isEmpty()) {
            root.put("entities", data.entities().stream().map(IntentsYamlWriter::entity).toList());
        }
        if (!data.responses().isEmpty()) {
            Map<String, Object> responses = new LinkedHashMap<>();
            new TreeMap<>(data.responses()).forEach((name, variants) -> responses.put(name, variants(variants)));
            root.put("responses", responses);
        }
        StringBuilder out = new StringBuilder();
        if (headerComment != null && !headerComment.isBlank()) {
            headerComment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        }
        return out.append(yaml().dump(root)).toString();
    }

    private static Map<String, Object> intent(IntentDefinition intent) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", intent.name());
        putIfPresent(out, "description", intent.description());
        putIfPresent(out, "action", intent.action());
        if (!intent.slots().isEmpty()) {
            out.put("slots", intent.slots().stream()
                    .map(s -> (Object) orderedMap("entity", s.entity(), "prompt", s.prompt())).toList());
        }
        out.put("examples", intent.examples().stream().map(EntityMarkup::format).toList());
        if (!intent.responses().isEmpty()) {
            out.put("responses", variants(intent.responses()));
        }
        if (!intent.quickReplies().isEmpty()) {
            out.put("quick_replies", intent.quickReplies());
        }
        return out;
    }

    private static Map<String, Object> entity(EntityDefinition entity) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", entity.name());
        if (entity.fuzzy()) {
            out.put("fuzzy", true);
        }
        if (!entity.lookup().isEmpty()) {
            out.put("lookup", entity.lookup());
        }
        if (!entity.synonyms().isEmpty()) {
            out.put("synonyms", new TreeMap<>(entity.synonyms()));
        }
        if (!entity.regexes().isEmpty()) {
            out.put("regex", entity.regexes());
        }
        if (!entity.normalize().isNone()) {
            out.put("normalize", normalize(entity.normalize()));
        }
        return out;
    }

    private static Map<String, Object> normalize(ValueNormalization normalize) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (normalize.letterCase() != ValueNormalization.LetterCase.AS_WRITTEN) {
            out.put("case", normalize.letterCase().name().toLowerCase(Locale.ROOT));
        }
        if (!normalize.replacements().isEmpty()) {
            Map<String, String> replace = new LinkedHashMap<>();
            normalize.replacements().forEach(r -> replace.put(r.pattern(), r.replacement()));
            out.put("replace", replace);
        }
        return out;
    }

    private static List<Object> variants(List<ResponseVariant> variants) {
        List<Object> out = new ArrayList<>();
        for (ResponseVariant variant : variants) {
            Map<String, Object> map = orderedMap("text", variant.text(), "channel", variant.channel());
            out.add(map);
        }
        return out;
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, k1, v1);
        putIfPresent(map, k2, v2);
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null && !"".equals(value)) {
            map.put(key, value);
        }
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }
}
