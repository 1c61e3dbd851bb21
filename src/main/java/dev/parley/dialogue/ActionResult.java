package dev.parley.dialogue;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * What an action found.
 *
 * @param fields       values for the response's placeholders, e.g. {@code order.status → shipped}
 * @param responseName a named response (intents/ {@code responses:}) to answer with instead of the intent's own,
 *                     e.g. {@code order_not_found}; null to use the intent's responses
 * @param retrySlot    a slot whose value did not work (an unknown order number): it is asked for again
 */
public record ActionResult(Map<String, String> fields, @Nullable String responseName, @Nullable String retrySlot) {

    public ActionResult {
        fields = Map.copyOf(fields);
    }

    public static ActionResult of(Map<String, String> fields) {
        return new ActionResult(fields, null, null);
    }

    /** Answer with a named response, e.g. "that order cannot be cancelled any more". */
    public static ActionResult respond(String responseName, Map<String, String> fields) {
        return new ActionResult(fields, responseName, null);
    }

    /** Say the named response, then ask for the slot again. */
    public static ActionResult retry(String slot, String responseName, Map<String, String> fields) {
        return new ActionResult(fields, responseName, slot);
    }
}
