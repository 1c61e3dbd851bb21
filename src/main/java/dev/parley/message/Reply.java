package dev.parley.message;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the assistant (or an agent) answers, before any channel renders it. Each renderer keeps what its medium
 * can show: web chat everything, WhatsApp buttons and lists within their limits, voice the essentials.
 *
 * @param text          the answer, already in the channel's variant (a voice variant for voice channels)
 * @param quickReplies  suggested answers
 * @param offers        offer cards, best first
 * @param expectsAnswer whether the assistant waits for the shopper (voice keeps the session or line open)
 * @param handoff       true when the conversation has just been handed to a person
 */
@Serdeable
public record Reply(String text, List<QuickReply> quickReplies, List<OfferCard> offers, boolean expectsAnswer,
                    boolean handoff) {

    public Reply {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(), List.of(), true, false);
    }
}
