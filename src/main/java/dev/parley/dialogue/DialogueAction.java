package dev.parley.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches (or changes) data an intent's answer needs, e.g. looks up an order. Implement as a bean; an intent uses
 * the action named by its {@code action:} in intents/, else the action with the intent's own name. The fields it
 * returns fill the response's placeholders ({@code {order.status}}).
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
}
