package dev.parley.dialogue;

import dev.parley.nlu.NluResult;

/**
 * The personalization engine as the dialogue sees it: told about every understood turn, and asked for offers
 * when the intent just answered calls for them. Offers are never essential: an advisor that fails leaves the turn
 * as it was.
 */
public interface OfferAdvisor {

    /** Never adds anything (unit tests of the dialogue alone). */
    OfferAdvisor NONE = (nlu, turn, facts) -> turn;

    /** The turn, with offer replies appended when the answered intent calls for them. */
    DialogueTurn advise(NluResult nlu, DialogueTurn turn, ConversationFacts facts);
}
