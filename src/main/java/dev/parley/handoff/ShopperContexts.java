package dev.parley.handoff;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.Direction;
import dev.parley.conversation.Shopper;
import dev.parley.handoff.AgentViews.NluTurn;
import dev.parley.handoff.AgentViews.OfferShown;
import dev.parley.handoff.AgentViews.ShopperContext;
import dev.parley.offers.OfferEngine;
import dev.parley.offers.profile.ProfileFacts;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what an agent needs next to the transcript, so the shopper never repeats themselves: the profile's value
 * figures, journey stage and life events, the offers shown and what became of them, the NLU's reading of the last
 * messages, and why the bot handed over.
 */
@Singleton
class ShopperContexts {

    private static final int NLU_TURNS = 5;
    private static final int OFFERS = 10;

    private final ShopperValue value;
    private final OfferEngine offers;

    ShopperContexts(ShopperValue value, OfferEngine offers) {
        this.value = value;
        this.offers = offers;
    }

    ShopperContext of(Conversation conversation, Shopper shopper, List<ConversationMessage> transcript,
                      @Nullable Escalation escalation) {
        Optional<ProfileFacts> facts = value.facts(shopper);
        List<NluTurn> trace = new ArrayList<>();
        for (int i = transcript.size() - 1; i >= 0 && trace.size() < NLU_TURNS; i--) {
            ConversationMessage message = transcript.get(i);
            if (message.direction() == Direction.INBOUND && message.nlu() != null) {
                trace.add(0, NluTurn.of(message));
            }
        }
        String profileId = offers.profile(shopper.id()).isPresent() || shopper.customerId() == null ? shopper.id()
                : shopper.customerId();
        List<OfferShown> shown = offers.latestDecisions(profileId, OFFERS).stream()
                .map(d -> new OfferShown(d.offerId(), d.channel(), d.decidedAt(), d.outcome())).toList();
        return new ShopperContext(shopper.id(), shopper.displayName(), shopper.customerId(),
                value.isHighValue(shopper), facts.map(f -> f.segment().id()).orElse(null),
                facts.map(f -> f.stage().id()).orElse(null),
                facts.map(f -> Math.round(f.clv() * 100) / 100.0).orElse(null),
                facts.map(f -> f.profile().activeLifeEvents(Instant.now())).orElse(List.of()), shown, trace,
                escalation == null ? EscalationReason.parse(conversation.needsHumanReason())
                        : escalation.reasonList());
    }
}
