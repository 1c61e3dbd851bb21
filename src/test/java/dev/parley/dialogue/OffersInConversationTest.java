package dev.parley.dialogue;

import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.TurnOutcome;
import dev.parley.message.Channel;
import dev.parley.message.InboundMessage;
import dev.parley.message.OfferCard;
import dev.parley.offers.DecisionRequest;
import dev.parley.offers.OfferEngine;
import dev.parley.testing.Rows;
import dev.parley.catalog.ProductCatalog;
import dev.parley.nlu.data.TrainingData;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import java.util.Set;
import java.util.stream.Collectors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialogue consulting the personalization engine inside real conversations (MariaDB, intents/, the demo
 * offers). Quick-reply payloads ({@code /intent}) pick the intent so the outcome does not depend on the model.
 */
@MicronautTest(transactional = false)
class OffersInConversationTest {

    @Inject
    ConversationService conversations;

    @Inject
    OfferEngine engine;

    @Inject
    Rows rows;

    @Inject
    ProductCatalog catalog;

    @Inject
    TrainingData intents;

    final String shopper = "wa-" + UUID.randomUUID();

    TurnOutcome say(String payload) {
        return conversations.receive(new InboundMessage(Channel.WHATSAPP, shopper, null, "wamid." + UUID.randomUUID(),
                payload, payload, null, null, Instant.now(), Map.of()));
    }

    static List<OfferCard> cards(TurnOutcome outcome) {
        return outcome.replies().stream().flatMap(reply -> reply.offers().stream()).toList();
    }

    String shopperId(TurnOutcome outcome) {
        return outcome.conversation().shopperId();
    }

    @Test
    void aLifeEventIntentIsRememberedAndAnsweredWithItsOffers() {
        TurnOutcome moving = say("/moving_home");

        assertTrue(engine.profile(shopperId(moving)).orElseThrow().lifeEvents.containsKey("moving_home"),
                "the turn reported the intent and the engine recorded the life event");
        List<OfferCard> offered = cards(moving);
        assertFalse(offered.isEmpty(), "the answer is followed by offers");
        assertTrue(offered.size() <= 2, "at most parley.dialogue.offers.slots cards");
        offered.forEach(card -> assertNotNull(card.decisionId(), "each card can report the shopper's reaction"));
        // which offers the bandit ranks first depends on what it has learned and on exploration; what the life
        // event changes for certain is that the moving offers become candidates at all
        Map<String, String> eligibility = engine.eligibility(DecisionRequest.of(shopperId(moving), Channel.WHATSAPP,
                "moving_home", Map.of()));
        assertEquals("eligible", eligibility.get("move-furniture-15"), "a new home unlocks the moving offers");
        String withoutLifeEvent = engine.eligibility(DecisionRequest.of("never-seen-" + UUID.randomUUID(),
                Channel.WHATSAPP, "moving_home", Map.of())).get("move-furniture-15");
        assertNotEquals("eligible", withoutLifeEvent, "without the life event they are not candidates");
        ConversationMessage last = moving.replies().get(moving.replies().size() - 1);
        assertEquals(offered, last.offers(), "the cards come as one more reply after the intent's answer");
        assertEquals(1, rows.count("SELECT COUNT(*) FROM shopper_events WHERE shopper_id = ? AND type = "
                + "'conversation_turn'", shopperId(moving)));
    }

    @Test
    void aComplaintGetsTheRecoveryGestureAndNoSalesOfferRightAfter() {
        TurnOutcome complaint = say("/complaint");
        List<OfferCard> gesture = cards(complaint);
        assertEquals(1, gesture.size(), "one recovery gesture");
        assertTrue(gesture.get(0).offerId().startsWith("sorry-"), gesture.toString());

        TurnOutcome promotions = say("/current_promotions");
        assertTrue(cards(promotions).isEmpty(), "no sales push while the shopper is being made up to");
    }

    @Test
    void theOfferIntroTakesTheToneOfTheJourneyStage() {
        String shopperId = shopperId(say("/greet"));
        String sku = catalog.all().stream().filter(p -> p.inStock()).findFirst().orElseThrow().sku();
        engine.recordEvents(List.of(new ShopperEvent(UUID.randomUUID().toString(), shopperId, EventType.ADD_TO_CART,
                Instant.now(), Map.of("sku", sku))));

        TurnOutcome promotions = say("/current_promotions");

        assertFalse(cards(promotions).isEmpty());
        ConversationMessage intro = promotions.replies().get(promotions.replies().size() - 1);
        Set<String> encouraging = intents.responses().get("offer_intro_encouraging").stream()
                .map(variant -> variant.text().replace("{shopper_name}", "")).collect(Collectors.toSet());
        assertTrue(encouraging.contains(intro.text()),
                "a shopper with a full cart is encouraged to close: " + intro.text());
    }

    TurnOutcome say(Channel channel, String text, String payload) {
        return conversations.receive(new InboundMessage(channel, shopper, null, "m-" + UUID.randomUUID(), text,
                payload, null, null, Instant.now(), Map.of()));
    }

    long rewards(String decisionId, String outcome) {
        return rows.count("SELECT COUNT(*) FROM offer_rewards WHERE decision_id = ? AND outcome = '" + outcome + "'",
                decisionId);
    }

    @Test
    void aPickedOfferIsAcceptedAndTheEngineLearnsIt() {
        List<OfferCard> shown = cards(say("/moving_home"));
        OfferCard picked = shown.get(shown.size() - 1);

        TurnOutcome pick = say(Channel.WHATSAPP, picked.title(), DialogueManager.OFFER_PAYLOAD + picked.offerId());

        assertEquals(1, pick.replies().size());
        String text = pick.replies().get(0).text();
        assertTrue(text.contains(picked.couponCode() != null ? picked.couponCode() : picked.title()), text);
        assertEquals(1, rewards(picked.decisionId(), "accepted"));
        TurnOutcome again = say(Channel.WHATSAPP, picked.title(), DialogueManager.OFFER_PAYLOAD + picked.offerId());
        assertEquals(1, rewards(picked.decisionId(), "accepted"), "only a pick of the offers just shown counts");
        assertTrue(again.replies().get(0).text().contains("isn't available"), again.replies().get(0).text());
        assertEquals(0, again.conversation().consecutiveFailures(), "an old pick is not a misunderstanding");
    }

    @Test
    void onVoiceAYesOrNoAnswersTheSpokenOffer() {
        List<OfferCard> first = cards(say(Channel.ALEXA, "/moving_home", "/moving_home"));
        assertEquals(1, first.size(), "voice speaks one offer");
        TurnOutcome yes = say(Channel.ALEXA, "/affirm", "/affirm");
        assertEquals(1, rewards(first.get(0).decisionId(), "accepted"));
        assertTrue(yes.replies().get(0).text().startsWith("Great choice"), yes.replies().get(0).text());

        List<OfferCard> second = cards(say(Channel.ALEXA, "/wedding", "/wedding"));
        say(Channel.ALEXA, "/deny", "/deny");
        assertEquals(1, rewards(second.get(0).decisionId(), "dismissed"));
    }

    @Test
    void onTextChannelsAYesAfterOffersIsJustAYes() {
        List<OfferCard> shown = cards(say("/moving_home"));
        say("/affirm");
        shown.forEach(card -> assertEquals(0, rewards(card.decisionId(), "accepted")));
    }

    @Test
    void turnsNotUnderstoodAndQuestionsBackCarryNoOffers() {
        TurnOutcome question = say("/product_search");
        assertTrue(cards(question).isEmpty(), "asking which category is not an answer yet");

        TurnOutcome greeting = say("/greet");
        assertTrue(cards(greeting).isEmpty(), "greet is not an offer intent");
        assertEquals(1, rows.count("SELECT COUNT(*) FROM shopper_events WHERE shopper_id = ?",
                shopperId(greeting)), "only the greeting, an answered turn, was reported");
    }
}
