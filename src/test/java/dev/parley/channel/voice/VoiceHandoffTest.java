package dev.parley.channel.voice;

import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.conversation.Direction;
import dev.parley.message.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a voice turn ends with a person taking over. */
class VoiceHandoffTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    static Conversation conversation(ConversationState state, boolean needsHuman) {
        return new Conversation("c1", "s1", Channel.PHONE, "+15551230001", "CA1", "en-US", state, needsHuman,
                needsHuman ? "requested_by_shopper" : null, 0, "{}", 2, NOW, NOW);
    }

    static ConversationMessage reply(boolean handoff) {
        return new ConversationMessage("m2", "c1", 2, Direction.OUTBOUND, Author.BOT, null, "One moment.", List.of(),
                List.of(), false, handoff, null, null, null, "m1", true, DeliveryStatus.QUEUED, NOW);
    }

    @Test
    void aReplyThatHandsOffIsEnough() {
        assertTrue(VoiceHandoff.handsOff(conversation(ConversationState.BOT, false), List.of(reply(true))));
        assertFalse(VoiceHandoff.handsOff(conversation(ConversationState.BOT, false), List.of(reply(false))));
    }

    @Test
    void soIsAQueueAnAgentOrTheNeedsHumanMark() {
        assertTrue(VoiceHandoff.handsOff(conversation(ConversationState.QUEUED, false), List.of()));
        assertTrue(VoiceHandoff.handsOff(conversation(ConversationState.AGENT, false), List.of()));
        assertTrue(VoiceHandoff.handsOff(conversation(ConversationState.BOT, true), List.of(reply(false))));
        assertFalse(VoiceHandoff.handsOff(conversation(ConversationState.CLOSED, false), List.of()));
    }
}
