package dev.parley.dialogue;

import dev.parley.message.Channel;
import io.micronaut.core.annotation.Nullable;

/** What the dialogue knows about who it talks to, beyond the dialogue context. */
public record ConversationFacts(String conversationId, String shopperId, Channel channel, String locale,
                                @Nullable String shopperName, @Nullable String customerId) {
}
