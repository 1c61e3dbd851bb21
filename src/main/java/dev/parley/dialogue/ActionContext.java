package dev.parley.dialogue;

import dev.parley.nlu.NluResult;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * What an action runs with.
 *
 * @param slots entity and slot values (canonical), by entity name
 * @param nlu   the message's NLU result when there was one (sentiment, raw entities)
 */
public record ActionContext(Map<String, String> slots, ConversationFacts facts, @Nullable NluResult nlu) {

    public ActionContext {
        slots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slots)); // keeps their order
    }

    public @Nullable String slot(String name) {
        return slots.get(name);
    }
}
