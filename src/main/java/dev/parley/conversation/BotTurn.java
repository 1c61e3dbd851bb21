package dev.parley.conversation;

import dev.parley.dialogue.DialogueContext;
import dev.parley.dialogue.DialogueTurn;
import dev.parley.nlu.NluResult;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What an {@link EscalationCheck} sees of one bot turn.
 *
 * @param conversation          the conversation before the turn
 * @param message               the shopper's message (text, payload)
 * @param recognitionConfidence speech-recognition confidence (0..1) of a voice message, else null; known only on
 *                              the first delivery of a message (it is not stored)
 * @param nlu                   what the NLU made of it, null when the NLU failed
 * @param contextBefore         the dialogue's memory before the turn
 * @param answer                the dialogue's answer (its context holds the failure streak including this turn)
 * @param earlierMessages       the shopper's earlier messages with their NLU, newest first (a few at most)
 */
public record BotTurn(Conversation conversation, Shopper shopper, ConversationMessage message,
                      @Nullable Double recognitionConfidence, @Nullable NluResult nlu, DialogueContext contextBefore,
                      DialogueTurn answer, List<ConversationMessage> earlierMessages) {

    public BotTurn {
        earlierMessages = List.copyOf(earlierMessages);
    }
}
