package dev.parley.nlu.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything read from {@code intents/} (or imported from Rasa / JSONL): intents with examples and responses,
 * entity definitions, and named responses that belong to no intent (rephrase prompts, hand-off notices).
 */
public record TrainingData(List<IntentDefinition> intents, List<EntityDefinition> entities,
                           Map<String, List<ResponseVariant>> responses) {

    public TrainingData {
        intents = List.copyOf(intents);
        entities = List.copyOf(entities);
        responses = Map.copyOf(responses);
    }

    public static TrainingData empty() {
        return new TrainingData(List.of(), List.of(), Map.of());
    }

    /** Merges files: intents of the same name pool their examples and responses; entity definitions merge. */
    public TrainingData merge(TrainingData other) {
        Map<String, IntentDefinition> byName = new LinkedHashMap<>();
        for (IntentDefinition intent : intents) {
            byName.put(intent.name(), intent);
        }
        for (IntentDefinition intent : other.intents) {
            byName.merge(intent.name(), intent, IntentDefinition::merge);
        }
        Map<String, EntityDefinition> entityByName = new LinkedHashMap<>();
        for (EntityDefinition entity : entities) {
            entityByName.put(entity.name(), entity);
        }
        for (EntityDefinition entity : other.entities) {
            entityByName.merge(entity.name(), entity, EntityDefinition::merge);
        }
        Map<String, List<ResponseVariant>> mergedResponses = new LinkedHashMap<>(responses);
        other.responses.forEach((name, variants) -> mergedResponses.merge(name, variants, (a, b) -> {
            List<ResponseVariant> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }));
        return new TrainingData(new ArrayList<>(byName.values()), new ArrayList<>(entityByName.values()),
                mergedResponses);
    }

    public java.util.Optional<IntentDefinition> intent(String name) {
        return intents.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** (text, intent) pairs for training, in file order. */
    public List<LabeledText> labeledExamples() {
        List<LabeledText> rows = new ArrayList<>();
        for (IntentDefinition intent : intents) {
            for (Example example : intent.examples()) {
                rows.add(new LabeledText(example.text(), intent.name()));
            }
        }
        return rows;
    }
}
