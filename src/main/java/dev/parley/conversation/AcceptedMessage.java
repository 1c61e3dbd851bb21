package dev.parley.conversation;

/**
 * An inbound message as {@link ConversationService#accept} stored it.
 *
 * @param duplicate the message had been received before (same channel message id): nothing new was stored
 */
public record AcceptedMessage(ConversationMessage message, boolean duplicate) {
}
