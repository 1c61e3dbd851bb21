package dev.parley.dialogue;

import dev.parley.message.Channel;
import io.micronaut.core.annotation.Nullable;

/**
 * What the dialogue knows about who it talks to, beyond the dialogue context.
 *
 * @param messageId the stored inbound message being answered (reports of the turn are idempotent by it), null
 *                  when there is none (the greeting)
 */
public record ConversationFacts(String conversationId, String shopperId, Channel channel, String locale,
                                @Nullable String shopperName, @Nullable String customerId,
                                @Nullable String messageId) {

    public ConversationFacts(String conversationId, String shopperId, Channel channel, String locale,
                             @Nullable String shopperName, @Nullable String customerId) {
        this(conversationId, shopperId, channel, locale, shopperName, customerId, null);
    }

    public ConversationFacts answering(String inboundMessageId) {
        return new ConversationFacts(conversationId, shopperId, channel, locale, shopperName, customerId,
                inboundMessageId);
    }
}
