package dev.parley.dialogue;

import dev.parley.message.Reply;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The dialogue's answer to one message.
 *
 * @param replies          what to say, in order
 * @param context          the memory to keep for the next turn
 * @param needsHumanReason set when the conversation should go to a person (e.g. {@code out_of_scope x2}); the
 *                         conversation records it and the hand-off picks it up
 */
public record DialogueTurn(List<Reply> replies, DialogueContext context, @Nullable String needsHumanReason) {

    public DialogueTurn {
        replies = List.copyOf(replies);
    }

    /** Turns in a row the assistant has not understood, including this one. */
    public int consecutiveFailures() {
        return context.failures().size();
    }
}
