package dev.parley.conversation;

import io.micronaut.serde.annotation.Serdeable;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who is answering the shopper. {@code bot} → {@code queued} (waiting for a person) → {@code agent} → {@code closed};
 * the bot can take a conversation back from the queue or from an agent, and a closed conversation reopens with the
 * bot when the shopper writes again.
 */
@Serdeable
public enum ConversationState {
    BOT, QUEUED, AGENT, CLOSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The states this one may move to; staying in the same state is not a transition. */
    public Set<ConversationState> next() {
        return switch (this) {
            case BOT -> EnumSet.of(QUEUED, AGENT, CLOSED);
            case QUEUED -> EnumSet.of(AGENT, BOT, CLOSED);
            case AGENT -> EnumSet.of(BOT, QUEUED, CLOSED);
            case CLOSED -> EnumSet.of(BOT);
        };
    }

    public boolean canMoveTo(ConversationState target) {
        return next().contains(target);
    }
}
