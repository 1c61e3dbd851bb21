package dev.parley.offers.decision;

import dev.parley.catalog.Product;
import dev.parley.offers.profile.JourneyStage;
import dev.parley.offers.profile.ProfileFacts;
import dev.parley.offers.triggers.WeatherReport;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a decision is made from, resolved: the shopper's figures, the request's context and the stage the
 * conversation shows (a cart in the request or a checkout intent moves the stage forward).
 */
public record DecisionContext(ProfileFacts facts, String channel, @Nullable String intent,
                              Map<String, String> entities, List<Product> cartProducts, double cartValue,
                              @Nullable WeatherReport weather, JourneyStage stage, Instant now) {

    private static final Set<String> CHECKOUT_INTENTS = Set.of("checkout", "payment", "pay", "place_order");
    private static final Set<String> CART_INTENTS = Set.of("cart_question", "view_cart", "shipping_cost");

    public static DecisionContext of(ProfileFacts facts, String channel, @Nullable String intent,
                                     Map<String, String> entities, List<Product> cartProducts, double cartValue,
                                     @Nullable WeatherReport weather, Instant now) {
        String normalisedIntent = intent == null ? null : intent.toLowerCase();
        JourneyStage stage = facts.stage();
        boolean early = stage == JourneyStage.NEW || stage == JourneyStage.BROWSING
                || stage == JourneyStage.COMPARING || stage == JourneyStage.LAPSED;
        if (normalisedIntent != null && CHECKOUT_INTENTS.contains(normalisedIntent)) {
            stage = JourneyStage.CHECKOUT;
        } else if (early && (!cartProducts.isEmpty() || normalisedIntent != null && CART_INTENTS.contains(normalisedIntent))) {
            stage = JourneyStage.CART;
        }
        Map<String, String> lowered = new java.util.HashMap<>();
        entities.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                lowered.put(k.toLowerCase(), v.toLowerCase());
            }
        });
        return new DecisionContext(facts, channel.toLowerCase(), normalisedIntent, Map.copyOf(lowered),
                List.copyOf(cartProducts), cartValue, weather, stage, now);
    }

    public String segment() {
        return facts.segment().id();
    }
}
