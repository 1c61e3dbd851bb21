package dev.parley.conversation;

import dev.parley.message.Channel;
import io.micronaut.core.annotation.Nullable;

/**
 * A request to open a conversation.
 *
 * @param sessionId   the channel's session id, or null to use the conversation id (web chat)
 * @param locale      BCP-47, or null for the configured default
 * @param customerId  the site's customer id when the shopper is logged in: links this identity to that customer
 * @param displayName the shopper's name when the channel or site knows it
 */
public record OpenConversation(Channel channel, String channelUserId, @Nullable String sessionId,
                               @Nullable String locale, @Nullable String customerId, @Nullable String displayName) {
}
