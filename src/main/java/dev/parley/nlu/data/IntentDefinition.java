package dev.parley.nlu.data;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * An intent as written in {@code intents/}.
 *
 * @param name         snake_case name, unique across files
 * @param description  what the shopper means, for people (and LLM prompts)
 * @param examples     training examples, entity markup already parsed out
 * @param responses    reply variants; the dialogue picks among those matching the channel
 * @param slots        entities the intent needs before it can be answered, each with its re-prompt
 * @param action       name of the action that fetches data for the answer (e.g. {@code order_status}), or null
 * @param quickReplies suggested answers shown with the response
 */
public record IntentDefinition(String name, String description, List<Example> examples,
                               List<ResponseVariant> responses, List<SlotRequirement> slots,
                               @Nullable String action, List<String> quickReplies) {

    public IntentDefinition {
        examples = List.copyOf(examples);
        responses = List.copyOf(responses);
        slots = List.copyOf(slots);
        quickReplies = List.copyOf(quickReplies);
    }

    /** An intent known only by its examples (JSONL and Rasa imports). */
    public static IntentDefinition ofExamples(String name, List<Example> examples) {
        return new IntentDefinition(name, "", examples, List.of(), List.of(), null, List.of());
    }

    IntentDefinition merge(IntentDefinition other) {
        List<Example> allExamples = new ArrayList<>(examples);
        allExamples.addAll(other.examples);
        List<ResponseVariant> allResponses = new ArrayList<>(responses);
        allResponses.addAll(other.responses);
        List<SlotRequirement> allSlots = new ArrayList<>(slots);
        other.slots.stream().filter(s -> !allSlots.contains(s)).forEach(allSlots::add);
        List<String> allQuickReplies = new ArrayList<>(quickReplies);
        other.quickReplies.stream().filter(q -> !allQuickReplies.contains(q)).forEach(allQuickReplies::add);
        return new IntentDefinition(name, description.isEmpty() ? other.description : description, allExamples,
                allResponses, allSlots, action != null ? action : other.action, allQuickReplies);
    }
}
