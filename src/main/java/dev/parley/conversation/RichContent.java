package dev.parley.conversation;

import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The parts of a message beyond its text, stored as the {@code rich_payload} JSON column: for outbound messages the
 * quick replies, offers and flags, for inbound ones the payload of the quick reply the shopper picked.
 */
@Serdeable
record RichContent(List<QuickReply> quickReplies, List<OfferCard> offers, boolean expectsAnswer, boolean handoff,
                   @Nullable String payload) {

    RichContent {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }
}
