package dev.parley.offers;

import dev.parley.message.Channel;
import dev.parley.offers.triggers.WeatherReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dialogue (or the site) knows when it asks for offers.
 *
 * @param shopperId the shopper; unknown shoppers get the popular offers of their segment, not an error
 * @param intent    the current intent (e.g. deals, product_search, cart_question, complaint), null if none
 * @param entities  entity values by name: category, color, brand, size, department
 * @param cart      the cart, empty when unknown
 * @param time      the moment of the decision, null for now
 * @param location  where the shopper is (city or region) when known: looked up in the weather source
 * @param weather   the weather when the caller already knows it (wins over the weather source)
 * @param slots     how many offers are wanted (1..10)
 */
@Serdeable
public record DecisionRequest(String shopperId, Channel channel, @Nullable String intent,
                              @Nullable Map<String, String> entities, @Nullable List<CartLine> cart,
                              @Nullable Instant time, @Nullable String location, @Nullable WeatherReport weather,
                              int slots) {

    public static final int MAX_SLOTS = 10;

    public DecisionRequest {
        entities = entities == null ? Map.of() : Map.copyOf(entities);
        cart = cart == null ? List.of() : List.copyOf(cart);
        slots = slots <= 0 ? 1 : slots;
    }

    /** The common case: a shopper on a channel with an intent and entities, one offer. */
    public static DecisionRequest of(String shopperId, Channel channel, @Nullable String intent,
                                     Map<String, String> entities) {
        return new DecisionRequest(shopperId, channel, intent, entities, List.of(), null, null, null, 1);
    }

    public DecisionRequest withSlots(int n) {
        return new DecisionRequest(shopperId, channel, intent, entities, cart, time, location, weather, n);
    }

    public DecisionRequest withCart(List<CartLine> lines) {
        return new DecisionRequest(shopperId, channel, intent, entities, lines, time, location, weather, slots);
    }

    public DecisionRequest withWeather(WeatherReport report) {
        return new DecisionRequest(shopperId, channel, intent, entities, cart, time, location, report, slots);
    }

    public DecisionRequest at(Instant when) {
        return new DecisionRequest(shopperId, channel, intent, entities, cart, when, location, weather, slots);
    }
}
