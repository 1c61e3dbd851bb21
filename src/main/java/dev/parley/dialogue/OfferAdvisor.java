package dev.parley.dialogue;

import dev.parley.nlu.NluResult;

import java.util.Optional;

/**
 * The personalization engine as the dialogue sees it: told about every understood turn, and asked for offers
 * when the intent just answered calls for them. It runs inside the turn's transaction, so its writes (events,
 * decisions, rewards) are stored with the turn or not at all.
 */
public interface OfferAdvisor {

    /**
     * The intent of a message that picks a shown offer (a WhatsApp list row, say): its entity {@code offer_id}
     * names the offer. Set by {@link DialogueManager#shortcut} for a payload {@code offer:<offer id>}.
     */
    String OFFER_PICKED = "offer_picked";

    /** Never adds anything (unit tests of the dialogue alone). */
    OfferAdvisor NONE = new OfferAdvisor() {
        @Override
        public DialogueTurn advise(NluResult nlu, DialogueTurn turn, ConversationFacts facts) {
            return turn;
        }

        @Override
        public Optional<DialogueTurn> answer(NluResult nlu, DialogueContext context, ConversationFacts facts) {
            return Optional.empty();
        }
    };

    /** The turn, with offer replies appended when the answered intent calls for them. */
    DialogueTurn advise(NluResult nlu, DialogueTurn turn, ConversationFacts facts);

    /**
     * The turn when the message answers the offers the last turn showed (picks one, or says yes / no to a spoken
     * one), after telling the engine; empty when it does not.
     */
    Optional<DialogueTurn> answer(NluResult nlu, DialogueContext context, ConversationFacts facts);
}
