package dev.parley.conversation;

import dev.parley.message.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One conversation with a shopper on one channel.
 *
 * @param id                  UUID; for web chat also the session id
 * @param channelUserId       the shopper's identity on the channel this conversation runs on
 * @param sessionId           the channel's session (web chat session = {@link #id}, Alexa session, call sid), or null
 *                            for channels without sessions (WhatsApp: the open conversation is reused)
 * @param needsHuman          the dialogue gave up or the shopper asked for a person; the hand-off consumes it
 * @param needsHumanReason    why, e.g. {@code out_of_scope x2}
 * @param consecutiveFailures turns in a row the assistant did not understand
 * @param dialogueContext     the dialogue's state as JSON (slots, last intent, ...), opaque to this package
 * @param lastSeq             the highest message seq handed out
 */
@Serdeable
public record Conversation(String id, String shopperId, Channel channel, String channelUserId,
                           @Nullable String sessionId, String locale, ConversationState state, boolean needsHuman,
                           @Nullable String needsHumanReason, int consecutiveFailures, String dialogueContext,
                           long lastSeq, Instant createdAt, Instant updatedAt) {

    public Conversation withState(ConversationState newState, Instant at) {
        return new Conversation(id, shopperId, channel, channelUserId, sessionId, locale, newState, needsHuman,
                needsHumanReason, consecutiveFailures, dialogueContext, lastSeq, createdAt, at);
    }

    public Conversation withNeedsHuman(boolean needed, @Nullable String reason, Instant at) {
        return new Conversation(id, shopperId, channel, channelUserId, sessionId, locale, state, needed, reason,
                consecutiveFailures, dialogueContext, lastSeq, createdAt, at);
    }

    public Conversation withDialogue(String context, int failures, Instant at) {
        return new Conversation(id, shopperId, channel, channelUserId, sessionId, locale, state, needsHuman,
                needsHumanReason, failures, context, lastSeq, createdAt, at);
    }

    public Conversation withLastSeq(long seq, Instant at) {
        return new Conversation(id, shopperId, channel, channelUserId, sessionId, locale, state, needsHuman,
                needsHumanReason, consecutiveFailures, dialogueContext, seq, createdAt, at);
    }
}
