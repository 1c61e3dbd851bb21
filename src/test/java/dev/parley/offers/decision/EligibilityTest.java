package dev.parley.offers.decision;

import dev.parley.catalog.Product;
import dev.parley.offers.offer.Audience;
import dev.parley.offers.offer.CouponPolicy;
import dev.parley.offers.offer.Discount;
import dev.parley.offers.offer.FrequencyCap;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferScope;
import dev.parley.offers.profile.LifeEventRecord;
import dev.parley.offers.profile.ProfileFacts;
import dev.parley.offers.profile.ProfileSettings;
import dev.parley.offers.profile.ShopperProfile;
import dev.parley.offers.triggers.WeatherReport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EligibilityTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Product SOFA = new Product("S-1", "Sofa", "sofas", "home/sofas", "Oakline", "grey", List.of(),
            new BigDecimal("499.00"), "EUR", 3, 4.5, 100);

    private static Offer offer(Audience audience, OfferScope scope, Instant validTo, FrequencyCap cap) {
        return new Offer("o-1", "Offer", "", Discount.percent(10), scope, audience, null, validTo, cap, null, null,
                CouponPolicy.none(), List.of(), true);
    }

    private static Audience audience(List<String> lifeEvents, List<String> channels, List<String> weather,
                                     List<String> recovery) {
        return new Audience(null, lifeEvents, null, channels, null, weather, null, recovery, null, null);
    }

    private static DecisionContext context(ShopperProfile profile, String channel, WeatherReport weather) {
        return DecisionContext.of(ProfileFacts.of(profile, ProfileSettings.defaults(), NOW), channel, null, Map.of(),
                List.of(), 0, weather, NOW);
    }

    private static Optional<String> check(Offer offer, DecisionContext context, int impressions, boolean budget,
                                          Product product, String recovery) {
        return Eligibility.rejection(offer, context, impressions, budget, product, recovery);
    }

    @Test
    void lifeEventOffersNeedAnActiveLifeEvent() {
        Offer moving = offer(audience(List.of("moving_home"), null, null, null), OfferScope.wholeShop(), null, null);
        ShopperProfile profile = new ShopperProfile("s");
        assertEquals(Optional.of("life_event"), check(moving, context(profile, "webchat", null), 0, true, null, null));
        profile.lifeEvents.put("moving_home", new LifeEventRecord("moving_home", "intent", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(89))));
        assertEquals(Optional.empty(), check(moving, context(profile, "webchat", null), 0, true, null, null));
        profile.lifeEvents.put("moving_home", new LifeEventRecord("moving_home", "intent", NOW.minus(Duration.ofDays(91)),
                NOW.minus(Duration.ofDays(1))));
        assertEquals(Optional.of("life_event"), check(moving, context(profile, "webchat", null), 0, true, null, null),
                "an expired life event unlocks nothing");
    }

    @Test
    void channelWeatherValidityStockCapsAndBudget() {
        ShopperProfile profile = new ShopperProfile("s");
        Offer voice = offer(audience(null, List.of("alexa"), null, null), OfferScope.wholeShop(), null, null);
        assertEquals(Optional.of("channel"), check(voice, context(profile, "webchat", null), 0, true, null, null));
        assertEquals(Optional.empty(), check(voice, context(profile, "alexa", null), 0, true, null, null));

        Offer rain = offer(audience(null, null, List.of("rain"), null), OfferScope.wholeShop(), null, null);
        assertEquals(Optional.of("weather"), check(rain, context(profile, "webchat", null), 0, true, null, null));
        assertEquals(Optional.of("weather"), check(rain, context(profile, "webchat",
                new WeatherReport("Lyon", "clear", 20.0)), 0, true, null, null));
        assertEquals(Optional.empty(), check(rain, context(profile, "webchat",
                new WeatherReport("Lyon", "light drizzle", 11.0)), 0, true, null, null));

        Offer expired = offer(Audience.everyone(), OfferScope.wholeShop(), NOW, null);
        assertEquals(Optional.of("not_valid_now"), check(expired, context(profile, "webchat", null), 0, true, null, null));

        Offer sofas = offer(Audience.everyone(), new OfferScope(null, List.of("sofas"), null, null), null,
                new FrequencyCap(2, 24));
        DecisionContext ctx = context(profile, "webchat", null);
        assertEquals(Optional.of("out_of_stock"), check(sofas, ctx, 0, true, null, null));
        assertEquals(Optional.empty(), check(sofas, ctx, 1, true, SOFA, null));
        assertEquals(Optional.of("frequency_cap"), check(sofas, ctx, 2, true, SOFA, null));
        assertEquals(Optional.of("budget"), check(sofas, ctx, 0, false, SOFA, null));
    }

    @Test
    void recoveryGesturesAndSalesOffersNeverMix() {
        ShopperProfile profile = new ShopperProfile("s");
        DecisionContext ctx = context(profile, "webchat", null);
        Offer sorry = offer(audience(null, null, null, List.of("late_order")), OfferScope.wholeShop(), null, null);
        Offer sale = offer(Audience.everyone(), OfferScope.wholeShop(), null, null);
        assertEquals(Optional.of("recovery_only"), check(sorry, ctx, 0, true, null, null));
        assertEquals(Optional.empty(), check(sorry, ctx, 0, true, null, "late_order"));
        assertEquals(Optional.of("not_a_recovery_gesture"), check(sorry, ctx, 0, true, null, "complaint"));
        assertEquals(Optional.of("not_a_recovery_gesture"), check(sale, ctx, 0, true, null, "late_order"));
    }

    @Test
    void segmentStageAndClvAudiences() {
        ShopperProfile profile = new ShopperProfile("s");
        Offer vip = offer(new Audience(List.of("vip"), null, null, null, new BigDecimal("500"), null, null, null, null, null),
                OfferScope.wholeShop(), null, null);
        assertEquals(Optional.of("segment"), check(vip, context(profile, "webchat", null), 0, true, null, null));
        Offer cart = offer(new Audience(null, null, List.of("cart"), null, null, null, null, null, null, null),
                OfferScope.wholeShop(), null, null);
        assertEquals(Optional.of("journey_stage"), check(cart, context(profile, "webchat", null), 0, true, null, null));
        DecisionContext withCart = DecisionContext.of(ProfileFacts.of(profile, ProfileSettings.defaults(), NOW),
                "webchat", null, Map.of(), List.of(SOFA), 499, null, NOW);
        assertEquals(Optional.empty(), check(cart, withCart, 0, true, null, null), "a cart in the request means stage cart");
    }
}
