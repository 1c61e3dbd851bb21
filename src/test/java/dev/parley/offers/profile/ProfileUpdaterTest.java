package dev.parley.offers.profile;

import dev.parley.catalog.Product;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileUpdaterTest {

    private static final Instant T0 = Instant.parse("2026-04-01T10:00:00Z");
    private static final ProductFacts FACTS = new ProductFacts(List.of(
            product("RUN-1", "running shoes", "sport/running shoes", "Strider", "120.00"),
            product("RUN-2", "running shoes", "sport/running shoes", "Strider", "60.00"),
            product("RUN-3", "running shoes", "sport/running shoes", "Urbanfield", "90.00"),
            product("DIA-1", "diapers", "baby/diapers", "Little Sprout", "15.00"),
            product("CRIB-1", "cribs", "baby/cribs", "Nestwell", "250.00"),
            product("LAMP-1", "lamps", "home/lamps", "Casa Verde", "40.00")));

    private final ProfileUpdater updater = new ProfileUpdater(ProfileSettings.defaults());
    private int seq;

    private static Product product(String sku, String category, String path, String brand, String price) {
        return new Product(sku, sku, category, path, brand, "black", List.of("42"), new BigDecimal(price), "EUR", 5, 4, 10);
    }

    private List<LifeEventRecord> apply(ShopperProfile profile, EventType type, Instant at, Map<String, String> props) {
        return updater.apply(profile, new ShopperEvent("e" + seq++, profile.shopperId, type, at, props), FACTS);
    }

    @Test
    void affinitiesGrowWithSignalsAndDecayOverTime() {
        ShopperProfile profile = new ShopperProfile("s1");
        apply(profile, EventType.VIEW, T0, Map.of("sku", "RUN-1"));
        apply(profile, EventType.PURCHASE, T0.plusSeconds(60), Map.of("sku", "RUN-2", "size", "42"));
        apply(profile, EventType.VIEW, T0.plusSeconds(120), Map.of("sku", "LAMP-1"));
        ProfileFacts now = ProfileFacts.of(profile, ProfileSettings.defaults(), T0.plusSeconds(180));
        assertEquals("running shoes", now.topCategories(1).get(0).getKey());
        assertTrue(now.categoryAffinity("running shoes") > 0.8, "6 of 7 points: " + now.categoryAffinity("running shoes"));
        assertTrue(now.boughtCategory("running shoes"));
        assertEquals("strider", now.topBrands(1).get(0).getKey());
        assertEquals("42", now.topSizes(1).get(0).getKey());

        // 60 days later (two half-lives) a fresh lamp view outweighs the old running-shoe interest
        Instant later = T0.plus(Duration.ofDays(60));
        apply(profile, EventType.ADD_TO_CART, later, Map.of("sku", "LAMP-1"));
        apply(profile, EventType.ADD_TO_CART, later, Map.of("sku", "LAMP-1"));
        ProfileFacts after = ProfileFacts.of(profile, ProfileSettings.defaults(), later);
        assertEquals("lamps", after.topCategories(1).get(0).getKey());
        assertEquals(2, profile.cart.get("LAMP-1"));
        apply(profile, EventType.REMOVE_FROM_CART, later.plusSeconds(1), Map.of("sku", "LAMP-1", "quantity", "2"));
        assertTrue(profile.cart.isEmpty());
    }

    @Test
    void purchasesGiveRfmClvAndSegments() {
        ShopperProfile profile = new ShopperProfile("s2");
        ProfileFacts fresh = ProfileFacts.of(profile, ProfileSettings.defaults(), T0);
        assertEquals(ValueSegment.NEW, fresh.segment());
        assertEquals(JourneyStage.NEW, fresh.stage());
        assertEquals("000", fresh.rfmScore());
        for (int i = 0; i < 4; i++) {
            apply(profile, EventType.PURCHASE, T0.plus(Duration.ofDays(20L * i)), Map.of("sku", "RUN-1", "amount", "20"));
        }
        Instant now = T0.plus(Duration.ofDays(61));
        ProfileFacts facts = ProfileFacts.of(profile, ProfileSettings.defaults(), now);
        assertEquals(4, profile.purchaseCount);
        assertEquals(80, profile.totalSpent, 1e-9);
        assertEquals(ValueSegment.LOYAL, facts.segment());
        assertEquals(1, facts.recencyDays());
        assertEquals("531", facts.rfmScore());
        // 80 spent + 20 per order x (4 + 1) orders over (60 days + 1 year) x ~98% still active
        assertEquals(80 + 20 * 5 / (60 / 365.0 + 1) * Math.exp(-1.0 / 60), facts.clv(), 0.01);
        ProfileFacts lapsed = ProfileFacts.of(profile, ProfileSettings.defaults(), now.plus(Duration.ofDays(200)));
        assertEquals(ValueSegment.LAPSED, lapsed.segment());
        assertEquals(JourneyStage.LAPSED, lapsed.stage());
        assertTrue(lapsed.clv() < facts.clv(), "an inactive shopper is worth less in future");
    }

    @Test
    void priceSensitivityFollowsWhatTheyBuy() {
        ShopperProfile bargain = new ShopperProfile("cheap");
        ShopperProfile premium = new ShopperProfile("rich");
        for (int i = 0; i < 5; i++) {
            apply(bargain, EventType.PURCHASE, T0.plusSeconds(i), Map.of("sku", "RUN-2", "coupon", "SAVE"));
            apply(premium, EventType.PURCHASE, T0.plusSeconds(i), Map.of("sku", "RUN-1"));
        }
        double cheap = ProfileFacts.of(bargain, ProfileSettings.defaults(), T0).priceSensitivity();
        double rich = ProfileFacts.of(premium, ProfileSettings.defaults(), T0).priceSensitivity();
        assertTrue(cheap > 0.6 && rich < 0.4, cheap + " vs " + rich);
        assertEquals(0.5, ProfileFacts.of(new ShopperProfile("x"), ProfileSettings.defaults(), T0).priceSensitivity());
    }

    @Test
    void lifeEventsFromIntentsAndFromPurchases() {
        ShopperProfile profile = new ShopperProfile("s3");
        List<LifeEventRecord> fromIntent = apply(profile, EventType.CONVERSATION_TURN, T0, Map.of("intent", "moving_home"));
        assertEquals(1, fromIntent.size());
        assertEquals("intent:moving_home", fromIntent.get(0).source());
        assertEquals(T0.plus(Duration.ofDays(90)), fromIntent.get(0).expiresAt());
        assertTrue(apply(profile, EventType.CONVERSATION_TURN, T0.plusSeconds(5), Map.of("intent", "moving_home")).isEmpty(),
                "an active life event is not detected twice");

        assertTrue(apply(profile, EventType.PURCHASE, T0, Map.of("sku", "DIA-1")).isEmpty(), "one signal is not enough");
        List<LifeEventRecord> baby = apply(profile, EventType.ADD_TO_CART, T0.plusSeconds(60), Map.of("sku", "CRIB-1"));
        assertEquals("new_baby", baby.get(0).lifeEvent());
        assertEquals("purchases", baby.get(0).source());
        assertEquals(List.of("moving_home", "new_baby"), profile.activeLifeEvents(T0.plusSeconds(61)));
        assertEquals(List.of("new_baby"), profile.activeLifeEvents(T0.plus(Duration.ofDays(100))));
        assertThrows(IllegalArgumentException.class, () -> updater.addLifeEvent(profile, "retirement", "api", T0));
    }

    @Test
    void journeyStagesFollowRecentEvents() {
        ShopperProfile profile = new ShopperProfile("s4");
        apply(profile, EventType.VIEW, T0, Map.of("sku", "RUN-1"));
        assertEquals(JourneyStage.BROWSING, stage(profile, T0.plusSeconds(10)));
        apply(profile, EventType.VIEW, T0.plusSeconds(20), Map.of("sku", "RUN-2"));
        apply(profile, EventType.VIEW, T0.plusSeconds(30), Map.of("sku", "RUN-3"));
        assertEquals(JourneyStage.COMPARING, stage(profile, T0.plusSeconds(40)));
        apply(profile, EventType.ADD_TO_CART, T0.plusSeconds(50), Map.of("sku", "RUN-3"));
        assertEquals(JourneyStage.CART, stage(profile, T0.plusSeconds(60)));
        apply(profile, EventType.CHECKOUT, T0.plusSeconds(70), Map.of());
        assertEquals(JourneyStage.CHECKOUT, stage(profile, T0.plusSeconds(80)));
        apply(profile, EventType.PURCHASE, T0.plusSeconds(90), Map.of("sku", "RUN-3"));
        assertEquals(JourneyStage.POST_PURCHASE, stage(profile, T0.plusSeconds(100)));
        assertEquals(JourneyStage.BROWSING, stage(profile, T0.plus(Duration.ofDays(8))));
    }

    @Test
    void preferencesSetOptInAndDemographics() {
        ShopperProfile profile = new ShopperProfile("s5");
        apply(profile, EventType.PREFERENCES, T0, Map.of("reminders", "true", "channel", "WhatsApp",
                "age_band", "25-34", "region", "Lyon"));
        assertTrue(profile.reminderOptIn);
        assertEquals("whatsapp", profile.reminderChannel);
        assertEquals("25-34", profile.ageBand);
        apply(profile, EventType.PREFERENCES, T0.plusSeconds(1), Map.of("reminders", "false"));
        assertFalse(profile.reminderOptIn);
        assertEquals(profile.purchaseCount, ProfileJson.read(ProfileJson.write(profile)).purchaseCount);
    }

    @Test
    void storedStateRoundTrips() {
        ShopperProfile profile = new ShopperProfile("s6");
        apply(profile, EventType.CONVERSATION_TURN, T0, Map.of("intent", "wedding"));
        apply(profile, EventType.PURCHASE, T0, Map.of("sku", "LAMP-1"));
        ShopperProfile copy = profile.copy();
        assertEquals(profile.lifeEvents, copy.lifeEvents);
        assertEquals(profile.totalSpent, copy.totalSpent);
        assertEquals(profile.recent.size(), copy.recent.size());
        assertEquals(ProfileFacts.of(profile, ProfileSettings.defaults(), T0).categoryAffinity("lamps"),
                ProfileFacts.of(copy, ProfileSettings.defaults(), T0).categoryAffinity("lamps"), 1e-12);
    }

    private static JourneyStage stage(ShopperProfile profile, Instant at) {
        return ProfileFacts.of(profile, ProfileSettings.defaults(), at).stage();
    }
}
