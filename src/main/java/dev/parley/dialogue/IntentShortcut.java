package dev.parley.dialogue;

import dev.parley.nlu.Entity;
import dev.parley.nlu.IntentScore;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.Sentiment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rasa-style direct intents: a quick reply whose payload is {@code /intent_name} (optionally with entities,
 * {@code /product_search{"color":"blue"}}) is taken as that intent with certainty, without running the NLU. Text
 * typed as {@code /intent_name} works the same on channels without payloads.
 */
final class IntentShortcut {

    private static final Pattern SHORTCUT = Pattern.compile("^/([a-z][a-z0-9_]*)(\\{.*})?$", Pattern.DOTALL);

    private IntentShortcut() {
    }

    static Optional<NluResult> parse(String text, @Nullable String payload, Set<String> knownIntents,
                                     JsonMapper json) {
        String source = payload != null && payload.startsWith("/") ? payload : text.trim();
        Matcher matcher = SHORTCUT.matcher(source);
        if (!matcher.matches() || !knownIntents.contains(matcher.group(1))) {
            return Optional.empty();
        }
        List<Entity> entities = new ArrayList<>();
        if (matcher.group(2) != null) {
            try {
                JsonNode object = json.readValue(matcher.group(2), JsonNode.class);
                for (Map.Entry<String, JsonNode> field : object.entries()) {
                    if (field.getValue().isString()) {
                        String value = field.getValue().getStringValue();
                        entities.add(new Entity(field.getKey(), value, 0, 0, value, "payload"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        IntentScore intent = new IntentScore(matcher.group(1), 1.0);
        return Optional.of(new NluResult(text, intent, List.of(intent), entities, Sentiment.NEUTRAL, false, false,
                Map.of()));
    }
}
