package dev.parley.dialogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches (or changes) data an intent's answer needs, e.g. looks up an order. Implement as a bean; an intent uses
 * the action named by its {@code action:} in intents/, else the action with the intent's own name. The fields it
 * returns fill the response's placeholders ({@code {order.status}}).
 * <p>
 * An action that changes something ({@link #needsConfirmation()}) runs in two steps: first the intent's responses
 * are said as the question (filled with {@link #preview} fields; the named response {@code confirm_<action>} if
 * none fits) with Yes / No quick replies; on yes, {@link #run} does the change and names the response that reports
 * it (e.g. {@code order_cancelled}).
 */
public interface DialogueAction {

    String name();

    ActionResult run(ActionContext context);

    /** Entities the action cannot run without, asked for when the intent's slots do not already ask for them. */
    default List<String> requiredInputs() {
        return List.of();
    }

    /** Further entities the action reads (filters); a follow-up that only changes these re-runs the action. */
    default Set<String> optionalInputs() {
        return Set.of();
    }

    /** Whether the shopper must say yes before it runs (it changes something, like cancelling an order). */
    default boolean needsConfirmation() {
        return false;
    }

    /**
     * Why the action cannot run with these values (unknown order, too late), checked before the shopper is asked to
     * confirm, so nobody confirms a change that cannot happen. Empty when it can run.
     */
    default Optional<ActionResult> refuse(ActionContext context) {
        return Optional.empty();
    }

    /** Fields for the confirmation question (the order's status and total before cancelling it, say). */
    default Map<String, String> preview(ActionContext context) {
        return Map.of();
    }
}
