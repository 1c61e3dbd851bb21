package dev.parley.channel.voice;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationState;

import java.util.List;

/**
 * Whether a voice turn ends with a person taking over. A caller cannot wait in a text queue the way a chat can:
 * as soon as a reply says it hands off, the conversation is queued or with an agent, or it is marked as needing a
 * person (the shopper asked for one, or the assistant failed too often), the phone line transfers the call and
 * Alexa says how a colleague will follow up.
 */
public final class VoiceHandoff {

    private VoiceHandoff() {
    }

    public static boolean handsOff(Conversation conversation, List<ConversationMessage> replies) {
        return replies.stream().anyMatch(ConversationMessage::handoff)
                || conversation.state() == ConversationState.QUEUED
                || conversation.state() == ConversationState.AGENT
                || conversation.needsHuman();
    }
}
