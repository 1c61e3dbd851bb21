package dev.parley.conversation;

import java.util.List;

/**
 * What one inbound message led to.
 *
 * @param conversation the conversation after the turn
 * @param message      the stored inbound message
 * @param replies      the bot's stored replies, in order; empty while a person handles the conversation
 * @param duplicate    the message had been received before: nothing new was stored, this is the stored outcome
 */
public record TurnOutcome(Conversation conversation, ConversationMessage message, List<ConversationMessage> replies,
                          boolean duplicate) {

    public TurnOutcome {
        replies = List.copyOf(replies);
    }
}
