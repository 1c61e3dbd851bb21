package dev.parley.offers;

import dev.parley.message.Channel;
import dev.parley.message.OfferCard;
import dev.parley.offers.bandit.BanditSettings;
import dev.parley.offers.decision.DecisionLog;
import dev.parley.offers.decision.DecisionLogWriter;
import dev.parley.offers.decision.ImpressionLedger;
import dev.parley.offers.events.EventBatchResult;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.triggers.WeatherReport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against the real database, with the demo catalogue and demo offers seeded. */
@MicronautTest(transactional = false)
class OfferEngineTest {

    @Inject
    OfferEngine engine;
    @Inject
    OfferBook offers;
    @Inject
    BanditMemory memory;
    @Inject
    DecisionLog log;
    @Inject
    DecisionLogWriter writer;
    @Inject
    BanditSettings banditSettings;
    @Inject
    ImpressionLedger ledger;
    @Inject
    DecisionOutcomes outcomes;

    private int seq;

    private ShopperEvent event(String shopper, EventType type, Map<String, String> properties) {
        return new ShopperEvent(shopper + "-e" + seq++, shopper, type, Instant.now().minusSeconds(60), properties);
    }

    @Test
    void unknownShopperGetsThePopularOffersOfTheSegment() {
        OfferDecision decision = engine.decide(DecisionRequest.of("stranger-1", Channel.WEBCHAT, null, Map.of()).withSlots(3));
        assertEquals("popularity", decision.strategy());
        assertEquals("new", decision.segment());
        assertEquals("new", decision.journeyStage());
        assertEquals("welcoming", decision.tone());
        assertEquals(3, decision.offers().size());
        for (DecidedOffer offer : decision.offers()) {
            assertTrue(offer.propensity() > 0 && offer.propensity() <= 1, "propensity " + offer.propensity());
            assertFalse(offer.explanation().isBlank());
            assertTrue(offers.find(offer.offerId()).orElseThrow().audience().lifeEvents().isEmpty(),
                    "no life-event offer for a stranger: " + offer.offerId());
            assertEquals(offer.offerId(), writer.find(offer.decisionId()).orElseThrow().offerId(), "every offer is logged");
        }
        assertEquals(3, decision.offers().stream().map(DecidedOffer::offerId).distinct().count());
        OfferCard card = decision.cards().get(0);
        assertEquals(decision.offers().get(0).decisionId(), card.decisionId());
        assertEquals(decision.offers().get(0).title(), card.title());
    }

    @Test
    void aLifeEventFromTheConversationUnlocksItsOffers() {
        DecisionRequest request = DecisionRequest.of("mover-1", Channel.WHATSAPP, "product_search", Map.of("category", "sofas"));
        assertEquals("life_event", engine.eligibility(request).get("move-furniture-15"));
        var record = engine.detectLifeEvent("mover-1", "moving_home", "intent:moving_home");
        assertEquals(Instant.now().plus(Duration.ofDays(90)).getEpochSecond(), record.expiresAt().getEpochSecond(), 5);
        Map<String, String> eligibility = engine.eligibility(request);
        assertEquals("eligible", eligibility.get("move-furniture-15"));
        assertEquals("eligible", eligibility.get("move-boxes-bundle"));
        assertEquals("life_event", eligibility.get("baby-stroller-15"));
        assertThrows(IllegalArgumentException.class, () -> engine.detectLifeEvent("mover-1", "retirement", "api"));
        assertEquals("student", engine.detectLifeEvent("fresher-1", "starting_studies", "intent:starting_studies").lifeEvent(),
                "the NLU's names for life events are understood");

        DecidedOffer moving = null;
        for (int attempt = 0; attempt < 10 && moving == null; attempt++) {
            moving = engine.decide(request.withSlots(10)).offers().stream()
                    .filter(o -> o.reasons().contains("life_event:moving_home")).findFirst().orElse(null);
        }
        assertNotNull(moving, "a moving-home offer is decided within ten tries");
        assertTrue(moving.explanation().contains("new home"), moving.explanation());
    }

    @Test
    void eventsAreStoredOnceAndBuildTheProfile() {
        List<ShopperEvent> batch = List.of(
                event("runner-1", EventType.VIEW, Map.of("sku", "SKU-0001")),
                event("runner-1", EventType.ADD_TO_CART, Map.of("sku", "SKU-0001")),
                event("runner-1", EventType.PURCHASE, Map.of("sku", "SKU-0001", "amount", "76.99")));
        EventBatchResult first = engine.recordEvents(batch);
        assertEquals(3, first.stored());
        EventBatchResult retry = engine.recordEvents(batch);
        assertEquals(0, retry.stored());
        assertEquals(3, retry.duplicates());
        var profile = engine.profile("runner-1").orElseThrow();
        assertEquals(1, profile.purchaseCount, "a retried purchase counts once");
        assertEquals(76.99, profile.totalSpent, 1e-9);
        assertTrue(profile.cart.isEmpty());
        assertTrue(engine.profile("nobody-at-all").isEmpty());
    }

    @Test
    void theFirstRewardTeachesTheModelAndRetriesAreHarmless() {
        engine.recordEvents(List.of(event("learner-1", EventType.VIEW, Map.of("sku", "SKU-0002"))));
        OfferDecision decision = engine.decide(DecisionRequest.of("learner-1", Channel.WEBCHAT, "deals", Map.of()));
        assertEquals("bandit", decision.strategy());
        DecidedOffer shown = decision.offers().get(0);
        long before = memory.bandit().updates();
        int redemptions = offers.redemptions(shown.offerId());

        RewardReceipt accepted = engine.recordReward(shown.decisionId(), RewardOutcome.ACCEPTED);
        assertTrue(accepted.learned());
        assertEquals(before + 1, memory.bandit().updates());
        assertFalse(engine.recordReward(shown.decisionId(), RewardOutcome.ACCEPTED).learned());
        assertFalse(engine.recordReward(shown.decisionId(), RewardOutcome.REDEEMED).learned());
        engine.recordReward(shown.decisionId(), RewardOutcome.REDEEMED);
        assertEquals(before + 1, memory.bandit().updates(), "learnt once");
        assertEquals(redemptions + 1, offers.redemptions(shown.offerId()), "a redemption counts once");
        assertEquals("accepted", writer.find(shown.decisionId()).orElseThrow().outcome());
        assertThrows(NoSuchElementException.class, () -> engine.recordReward("no-such-decision", RewardOutcome.ACCEPTED));
    }

    @Test
    void offerEventsWithADecisionIdAreRewards() {
        OfferDecision decision = engine.decide(DecisionRequest.of("clicker-1", Channel.WEBCHAT, null, Map.of()));
        String decisionId = decision.offers().get(0).decisionId();
        engine.recordEvents(List.of(event("clicker-1", EventType.OFFER_DISMISSED, Map.of("decision_id", decisionId))));
        assertEquals("dismissed", writer.find(decisionId).orElseThrow().outcome());
    }

    @Test
    void silenceBecomesIgnoredAfterTheTimeout() {
        OfferDecision decision = engine.decide(DecisionRequest.of("silent-1", Channel.WEBCHAT, null, Map.of()));
        String decisionId = decision.offers().get(0).decisionId();
        outcomes.expireOpenDecisions(Instant.now().plus(Duration.ofMinutes(banditSettings.rewardTimeoutMinutes() - 1)));
        assertEquals(null, writer.find(decisionId).orElseThrow().outcome(), "not yet");
        outcomes.expireOpenDecisions(Instant.now().plus(Duration.ofMinutes(banditSettings.rewardTimeoutMinutes() + 1)));
        assertEquals("ignored", writer.find(decisionId).orElseThrow().outcome());
    }

    @Test
    void serviceRecoveryGivesAScaledGestureAndNoSalesPush() {
        List<ShopperEvent> purchases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            purchases.add(new ShopperEvent("vip-1-p" + i, "vip-1", EventType.PURCHASE,
                    Instant.now().minus(Duration.ofDays(10L * i + 1)), Map.of("sku", "SKU-0003", "amount", "150")));
        }
        engine.recordEvents(purchases);
        OfferDecision recovery = engine.decide(DecisionRequest.of("vip-1", Channel.WEBCHAT, "late_order", Map.of()));
        assertEquals("recovery", recovery.strategy());
        assertEquals("apologetic", recovery.tone());
        assertEquals(1, recovery.offers().size());
        DecidedOffer gesture = recovery.offers().get(0);
        assertEquals("sorry-valued-20", gesture.offerId(), "the most specific gesture the shopper qualifies for");
        assertEquals("40 EUR off", gesture.discount(), "a vip's gesture is scaled x2");
        assertTrue(gesture.couponCode().startsWith("SORRY-"), gesture.couponCode());
        assertEquals("sorry your order is late", gesture.explanation());

        OfferDecision after = engine.decide(DecisionRequest.of("vip-1", Channel.WEBCHAT, "deals", Map.of()).withSlots(3));
        assertEquals("quiet", after.strategy());
        assertTrue(after.offers().isEmpty(), "no sales push right after a recovery");

        OfferDecision newcomer = engine.recover("newcomer-1", RecoveryReason.COMPLAINT, Channel.PHONE, null);
        assertEquals("sorry-10", newcomer.offers().get(0).offerId());
        assertEquals("10% off", newcomer.offers().get(0).discount());
        assertNotEquals(gesture.couponCode(), newcomer.offers().get(0).couponCode(), "codes are personal");
    }

    @Test
    void rulesFollowWeatherCapsAndCart() {
        DecisionRequest base = DecisionRequest.of("walker-1", Channel.WEBCHAT, null, Map.of());
        assertEquals("weather", engine.eligibility(base).get("rain-umbrellas-20"));
        Map<String, String> rainy = engine.eligibility(base.withWeather(new WeatherReport("Lyon", "rain", 10.0)));
        assertEquals("eligible", rainy.get("rain-umbrellas-20"));
        assertEquals("eligible", rainy.get("rain-taxi-partner"));
        assertEquals("channel", engine.eligibility(new DecisionRequest("walker-1", Channel.ALEXA, null, null, null,
                null, null, new WeatherReport("Lyon", "rain", 10.0), 1)).get("rain-taxi-partner"));

        DecisionRequest withCart = base.withCart(List.of(new CartLine("SKU-0003", 1)));
        assertEquals("eligible", engine.eligibility(withCart).get("cart-close-5"));
        ledger.record("walker-1", "cart-close-5", Instant.now());
        ledger.record("walker-1", "cart-close-5", Instant.now());
        assertEquals("frequency_cap", engine.eligibility(withCart).get("cart-close-5"));
        assertEquals("journey_stage", engine.eligibility(base).get("cart-free-shipping"));
        assertEquals("recovery_only", engine.eligibility(base).get("sorry-10"));
    }

    @Test
    void invalidRequestsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> engine.decide(DecisionRequest.of(" ", Channel.WEBCHAT, null, Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> engine.decide(DecisionRequest.of("x", null, null, Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> engine.decide(DecisionRequest.of("x", Channel.WEBCHAT, null, Map.of()).withSlots(11)));
    }

    @Test
    void theLearnedStateSurvivesARestart() {
        engine.recordEvents(List.of(event("restart-1", EventType.VIEW, Map.of("sku", "SKU-0004"))));
        for (int i = 0; i < 6; i++) {
            OfferDecision decision = engine.decide(DecisionRequest.of("restart-1", Channel.WEBCHAT, null, Map.of()));
            engine.recordReward(decision.offers().get(0).decisionId(), i % 2 == 0 ? RewardOutcome.ACCEPTED : RewardOutcome.DISMISSED);
            if (i == 2) {
                memory.snapshot();
            }
        }
        BanditMemory restarted = new BanditMemory(log, banditSettings);
        assertEquals(memory.bandit().updates(), restarted.bandit().updates());
        assertArrayEquals(memory.bandit().model().theta(), restarted.bandit().model().theta(), 1e-9);
        assertTrue(Arrays.stream(restarted.bandit().model().theta()).anyMatch(v -> v != 0));
    }
}
