package dev.parley.conversation;

import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import dev.parley.message.Reply;
import dev.parley.nlu.NluResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A stored message.
 *
 * @param seq              1, 2, 3... within the conversation: the order clients show and page by
 * @param authorId         the agent's id for agent messages, else null
 * @param payload          for inbound messages: the quick reply or button payload the shopper picked, if any
 * @param nlu              what the NLU made of an inbound message, when it ran
 * @param channelMessageId the client's or provider's id (web chat clientMessageId, WhatsApp wamid)
 * @param replyToId        for bot replies: the inbound message they answer
 * @param processed        for inbound messages: the turn is complete (replies stored); always true for outbound
 */
@Serdeable
public record ConversationMessage(String id, String conversationId, long seq, Direction direction, Author author,
                                  @Nullable String authorId, String text, List<QuickReply> quickReplies,
                                  List<OfferCard> offers, boolean expectsAnswer, boolean handoff,
                                  @Nullable String payload, @Nullable NluResult nlu, @Nullable String channelMessageId,
                                  @Nullable String replyToId, boolean processed, DeliveryStatus deliveryStatus,
                                  Instant createdAt) {

    public ConversationMessage {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /** The message as a channel renderer takes it. */
    public Reply toReply() {
        return new Reply(text, quickReplies, offers, expectsAnswer, handoff);
    }
}
