package dev.parley.dialogue;

import dev.parley.nlu.data.EntityDefinition;
import dev.parley.nlu.data.TrainingData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bare answer to a slot question ("42", "blue please", "pa 123456") as that slot's value, using the entity's
 * definition in intents/: its lookup values and synonyms (as whole words) and its regular expressions. Regexes that
 * only match after a cue word ({@code size 42}) are also tried on "{entity} {answer}", since the question supplied
 * the cue.
 */
final class SlotAnswerReader {

    private record Definition(Map<String, String> phrases, List<Pattern> patterns) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    SlotAnswerReader(TrainingData data) {
        for (EntityDefinition entity : data.entities()) {
            Map<String, String> phrases = new LinkedHashMap<>();
            entity.lookup().forEach(value -> phrases.put(value.toLowerCase(Locale.ROOT), value));
            entity.synonyms().forEach((canonical, variants) -> {
                phrases.put(canonical.toLowerCase(Locale.ROOT), canonical);
                variants.forEach(variant -> phrases.put(variant.toLowerCase(Locale.ROOT), canonical));
            });
            List<Pattern> patterns = new ArrayList<>();
            entity.regexes().forEach(regex -> patterns.add(Pattern.compile(regex)));
            definitions.put(entity.name(), new Definition(phrases, patterns));
        }
    }

    /** Whether intents/ defines how to recognise this entity; if not, the whole answer is the value. */
    boolean isDefined(String entity) {
        return definitions.containsKey(entity);
    }

    Optional<String> read(String entity, String answer) {
        Definition definition = definitions.get(entity);
        if (definition == null) {
            return Optional.empty();
        }
        String text = answer.trim().toLowerCase(Locale.ROOT);
        Optional<String> phrase = definition.phrases.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(candidate -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(candidate)
                        + "(?![\\p{L}\\p{N}])").matcher(text).find())
                .findFirst()
                .map(definition.phrases::get);
        if (phrase.isPresent()) {
            return phrase;
        }
        for (Pattern pattern : definition.patterns) {
            Matcher direct = pattern.matcher(answer);
            if (direct.find()) {
                return Optional.of(direct.group());
            }
            String cue = entity.replace('_', ' ') + " ";
            Matcher cued = pattern.matcher(cue + answer.trim());
            while (cued.find()) {
                if (cued.start() >= cue.length()) {
                    return Optional.of(cued.group());
                }
            }
        }
        return Optional.empty();
    }
}
