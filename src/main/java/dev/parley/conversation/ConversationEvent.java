package dev.parley.conversation;

import io.micronaut.core.annotation.Nullable;

/**
 * Something that happened in a conversation, published after it was committed. The web chat WebSocket relays them
 * to the browser; the hand-off queue and agent console listen to them too.
 */
public sealed interface ConversationEvent {

    String conversationId();

    /** A message was stored (inbound or outbound, any author). */
    record MessageStored(Conversation conversation, ConversationMessage message) implements ConversationEvent {
        @Override
        public String conversationId() {
            return conversation.id();
        }
    }

    /** The conversation moved between bot, queued, agent and closed. */
    record StateChanged(Conversation conversation, ConversationState from, ConversationState to, String reason)
            implements ConversationEvent {
        @Override
        public String conversationId() {
            return conversation.id();
        }
    }

    /** The conversation was marked as needing a person (the hand-off's signal), or the mark was cleared. */
    record NeedsHumanChanged(Conversation conversation, boolean needsHuman, @Nullable String reason)
            implements ConversationEvent {
        @Override
        public String conversationId() {
            return conversation.id();
        }
    }

    /** Someone started or stopped typing. */
    record TypingChanged(String conversationId, Author author, boolean on) implements ConversationEvent {
    }

    /** An outbound message's delivery status moved forward. */
    record DeliveryStatusChanged(String conversationId, String messageId, DeliveryStatus status)
            implements ConversationEvent {
    }
}
