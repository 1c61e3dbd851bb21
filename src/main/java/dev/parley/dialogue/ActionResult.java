package dev.parley.dialogue;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * What an action found.
 *
 * @param fields           values for the response's placeholders, e.g. {@code order.status → shipped}
 * @param responseName     a named response (intents/ {@code responses:}) to answer with instead of the intent's own,
 *                         e.g. {@code order_not_found}; null to use the intent's responses
 * @param awaitSlot        a slot to wait for after answering: one whose value did not work (an unknown order
 *                         number, asked for again) or that the answer itself asks for (the new address)
 * @param followUpResponse a named response sent as a second message with the same values, e.g. the
 *                         {@code product_list} under "Here are the best matches"
 */
public record ActionResult(Map<String, String> fields, @Nullable String responseName, @Nullable String awaitSlot,
                           @Nullable String followUpResponse) {

    public ActionResult {
        fields = Map.copyOf(fields);
    }

    public static ActionResult of(Map<String, String> fields) {
        return new ActionResult(fields, null, null, null);
    }

    /** Answer with a named response, e.g. "that order cannot be cancelled any more". */
    public static ActionResult respond(String responseName, Map<String, String> fields) {
        return new ActionResult(fields, responseName, null, null);
    }

    /** Say the named response, then ask for the slot again (its value did not work). */
    public static ActionResult retry(String slot, String responseName, Map<String, String> fields) {
        return new ActionResult(fields, responseName, slot, null);
    }

    /** Answer with the intent's responses, which ask for {@code slot}, and wait for it. */
    public static ActionResult awaiting(String slot, Map<String, String> fields) {
        return new ActionResult(fields, null, slot, null);
    }

    /** The same answer, followed by a second message rendered from a named response. */
    public ActionResult followedBy(String responseName) {
        return new ActionResult(fields, this.responseName, awaitSlot, responseName);
    }
}
