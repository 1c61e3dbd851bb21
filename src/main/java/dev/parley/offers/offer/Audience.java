package dev.parley.offers.offer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who may see an offer. An empty list means "no restriction" on that dimension; a non-empty one must match.
 * An offer with {@code recoveryReasons} is a service-recovery gesture and is never used as a sales offer.
 *
 * @param segments        value segments: new, occasional, loyal, vip, lapsed
 * @param lifeEvents      moving_home, new_baby, student, wedding, ... (the shopper must have one, unexpired)
 * @param journeyStages   new, browsing, comparing, cart, checkout, post_purchase, lapsed
 * @param channels        webchat, whatsapp, alexa, phone
 * @param minClv          minimum customer-lifetime-value estimate
 * @param weather         weather conditions at the shopper's location (rain, snow, ...)
 * @param intents         conversation intents that must be current
 * @param recoveryReasons complaint, payment_problem, late_order
 */
@Serdeable
public record Audience(List<String> segments, List<String> lifeEvents, List<String> journeyStages,
                       List<String> channels, @Nullable BigDecimal minClv, List<String> weather, List<String> intents,
                       List<String> recoveryReasons, List<String> ageBands, List<String> regions) {

    public Audience {
        segments = lower(segments);
        lifeEvents = lower(lifeEvents);
        journeyStages = lower(journeyStages);
        channels = lower(channels);
        weather = lower(weather);
        intents = lower(intents);
        recoveryReasons = lower(recoveryReasons);
        ageBands = lower(ageBands);
        regions = lower(regions);
    }

    public static Audience everyone() {
        return new Audience(null, null, null, null, null, null, null, null, null, null);
    }

    public boolean isRecoveryGesture() {
        return !recoveryReasons.isEmpty();
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::toLowerCase).toList();
    }
}
