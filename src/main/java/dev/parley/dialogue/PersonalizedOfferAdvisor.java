package dev.parley.dialogue;

import dev.parley.message.OfferCard;
import dev.parley.message.Reply;
import dev.parley.nlu.Entity;
import dev.parley.nlu.NluResult;
import dev.parley.offers.RewardOutcome;
import dev.parley.offers.DecisionRequest;
import dev.parley.offers.OfferDecision;
import dev.parley.offers.OfferEngine;
import dev.parley.offers.events.ShopperEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects the dialogue to the personalization engine. Every understood turn becomes a {@code conversation_turn}
 * event (intent and entity values, never the text), which keeps the shopper's interests current and reveals life
 * events ("we're expecting a baby"). After the answer to an offer intent, the engine's pick follows as one more
 * reply carrying the offer cards, introduced in the tone of the shopper's journey stage ("Nearly there!" with a
 * full cart); after a complaint or a payment problem the engine answers with its
 * service-recovery gesture, never a sales offer. A shopper who then picks a shown offer (a WhatsApp list row), or
 * answers a spoken one with yes or no, is answered here and the engine learns the outcome.
 */
@Singleton
public class PersonalizedOfferAdvisor implements OfferAdvisor {

    static final String SERVICE_RECOVERY_OFFER = "service_recovery_offer";
    static final String OFFER_ACCEPTED = "offer_accepted";
    static final String OFFER_ACCEPTED_WITH_CODE = "offer_accepted_with_code";
    static final String OFFER_DECLINED = "offer_declined";
    static final String OFFER_GONE = "offer_gone";

    private static final Logger LOG = LoggerFactory.getLogger(PersonalizedOfferAdvisor.class);

    private final OfferEngine engine;
    private final DialogueOfferSettings settings;
    private final ResponseTemplates templates;

    public PersonalizedOfferAdvisor(OfferEngine engine, DialogueOfferSettings settings, ResponseTemplates templates) {
        this.engine = engine;
        this.settings = settings;
        this.templates = templates;
    }

    @Override
    public DialogueTurn advise(NluResult nlu, DialogueTurn turn, ConversationFacts facts) {
        DialogueContext next = turn.context();
        // only a request answered in full: not a question back, a confirmation, or a turn not understood
        boolean answered = settings.enabled() && next.failures().isEmpty() && next.pendingSlot() == null
                && !next.awaitingConfirmation() && next.lastIntent() != null;
        if (!answered) {
            return turn;
        }
        String intent = next.lastIntent();
        Map<String, String> values = new LinkedHashMap<>(next.lastSlots());
        if (facts.messageId() != null) {
            engine.recordEvents(List.of(ShopperEvent.conversationTurn(facts.messageId(), facts.shopperId(),
                    facts.channel(), intent, values, Instant.now())));
        }
        if (!settings.intents().contains(intent)) {
            return turn;
        }
        int slots = facts.channel().isVoice() ? settings.voiceSlots() : settings.slots();
        // a city the shopper named is where the weather is looked up (else the profile's known location)
        OfferDecision decision = engine.decide(new DecisionRequest(facts.shopperId(), facts.channel(), intent,
                values, List.of(), null, values.get("city"), null, slots));
        if (decision.offers().isEmpty()) {
            return turn;
        }
        String intro = templates.named(introName(decision), facts.channel(), facts.shopperName() == null
                ? Map.of() : Map.of("shopper_name", facts.shopperName()));
        List<Reply> replies = new ArrayList<>(turn.replies());
        replies.add(new Reply(intro, List.of(), decision.cards(), true, false));
        LOG.debug("Conversation {}: {} offer(s) by {}", facts.conversationId(), decision.offers().size(),
                decision.strategy());
        return new DialogueTurn(replies, next.withShownOffers(decision.cards()), turn.needsHumanReason());
    }

    @Override
    public Optional<DialogueTurn> answer(NluResult nlu, DialogueContext context, ConversationFacts facts) {
        String intent = nlu.intent().name();
        if (intent.equals(OFFER_PICKED) && context.shownOffers().stream().noneMatch(card -> card.offerId()
                .equals(nlu.entity("offer_id").map(Entity::value).orElse("")))) {
            // an offer from further back (an old WhatsApp list): no longer the one in front of the shopper
            return Optional.of(new DialogueTurn(List.of(Reply.text(templates.named(OFFER_GONE, facts.channel(),
                    Map.of()))), context.withShownOffers(List.of()), null));
        }
        if (context.shownOffers().isEmpty()) {
            return Optional.empty();
        }
        OfferCard chosen;
        RewardOutcome outcome;
        if (intent.equals(OFFER_PICKED)) {
            String offerId = nlu.entity("offer_id").map(Entity::value).orElse("");
            chosen = context.shownOffers().stream().filter(card -> card.offerId().equals(offerId)).findFirst()
                    .orElse(null);
            outcome = RewardOutcome.ACCEPTED;
        } else if (facts.channel().isVoice() && isPlainYesOrNo(nlu)) {
            // a voice channel asked "Would you like it?" about the best offer: this is the answer
            chosen = context.shownOffers().get(0);
            outcome = intent.equals(DialogueManager.AFFIRM) ? RewardOutcome.ACCEPTED : RewardOutcome.DISMISSED;
        } else {
            return Optional.empty();
        }
        if (chosen.decisionId() != null) {
            engine.recordReward(chosen.decisionId(), outcome);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("offer_title", chosen.title());
        if (chosen.couponCode() != null) {
            values.put("coupon_code", chosen.couponCode());
        }
        if (facts.shopperName() != null) {
            values.put("shopper_name", facts.shopperName());
        }
        String name = outcome == RewardOutcome.DISMISSED ? OFFER_DECLINED
                : chosen.couponCode() != null ? OFFER_ACCEPTED_WITH_CODE : OFFER_ACCEPTED;
        DialogueContext next = new DialogueContext(null, null, false, Map.of(), context.lastIntent(),
                context.lastSlots(), List.of(), List.of());
        return Optional.of(new DialogueTurn(List.of(Reply.text(templates.named(name, facts.channel(), values))),
                next, null));
    }

    private static boolean isPlainYesOrNo(NluResult nlu) {
        String intent = nlu.intent().name();
        return (intent.equals(DialogueManager.AFFIRM) || intent.equals(DialogueManager.DENY)) && !nlu.outOfScope()
                && !nlu.ambiguous() && nlu.entities().isEmpty();
    }

    /** The apology for a recovery gesture; else the intro in the tone of the shopper's journey stage. */
    private String introName(OfferDecision decision) {
        if ("recovery".equals(decision.strategy())) {
            return SERVICE_RECOVERY_OFFER;
        }
        String toned = SystemResponses.OFFER_INTRO + "_" + decision.tone();
        return templates.defines(toned) ? toned : SystemResponses.OFFER_INTRO;
    }
}
