package dev.parley.dialogue;

import dev.parley.message.OfferCard;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialogue's memory between turns, stored with the conversation as JSON.
 *
 * @param activeIntent         the intent being pursued while slots are asked for or a change awaits confirmation
 * @param pendingSlot          the slot just asked for
 * @param awaitingConfirmation the active intent's action changes something and waits for yes / no
 * @param slots                values collected for the active intent
 * @param lastIntent           the last intent answered, for follow-ups ("and in blue?") and corrections
 * @param lastSlots            the values it was answered with
 * @param offeredIntents       the intents offered by the last "Did you mean ...?"
 * @param failures             why the last turns in a row failed ({@code out_of_scope}, {@code ambiguous}, ...)
 * @param shownOffers          the offers the last turn showed, best first: a pick or a spoken yes / no answers them
 */
@Serdeable
public record DialogueContext(@Nullable String activeIntent, @Nullable String pendingSlot,
                              boolean awaitingConfirmation, Map<String, String> slots, @Nullable String lastIntent,
                              Map<String, String> lastSlots, List<String> offeredIntents, List<String> failures,
                              List<OfferCard> shownOffers) {

    public static final DialogueContext EMPTY =
            new DialogueContext(null, null, false, Map.of(), null, Map.of(), List.of(), List.of());

    public DialogueContext {
        slots = slots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slots));
        lastSlots = lastSlots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lastSlots));
        offeredIntents = offeredIntents == null ? List.of() : List.copyOf(offeredIntents);
        failures = failures == null ? List.of() : List.copyOf(failures);
        shownOffers = shownOffers == null ? List.of() : List.copyOf(shownOffers);
    }

    /** A memory that shows no offers: each turn's own offers are added by the {@link OfferAdvisor}. */
    public DialogueContext(@Nullable String activeIntent, @Nullable String pendingSlot, boolean awaitingConfirmation,
                           Map<String, String> slots, @Nullable String lastIntent, Map<String, String> lastSlots,
                           List<String> offeredIntents, List<String> failures) {
        this(activeIntent, pendingSlot, awaitingConfirmation, slots, lastIntent, lastSlots, offeredIntents, failures,
                List.of());
    }

    public DialogueContext withShownOffers(List<OfferCard> offers) {
        return new DialogueContext(activeIntent, pendingSlot, awaitingConfirmation, slots, lastIntent, lastSlots,
                offeredIntents, failures, offers);
    }

    /** The same memory without the failure streak (after a person handled the conversation, say). */
    public DialogueContext withoutFailures() {
        return new DialogueContext(activeIntent, pendingSlot, awaitingConfirmation, slots, lastIntent, lastSlots,
                offeredIntents, List.of());
    }
}
