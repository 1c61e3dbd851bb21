package dev.parley.offers;

import dev.parley.message.OfferCard;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The engine's answer.
 *
 * @param strategy     bandit (learned), popularity (cold start: unknown shopper), recovery (service-recovery
 *                     gesture), quiet (no sales offer right after a recovery), none (nothing eligible)
 * @param journeyStage the shopper's stage (new, browsing, comparing, cart, checkout, post_purchase, lapsed)
 * @param tone         a wording hint for the reply: welcoming, inspiring, helpful, encouraging, reassuring,
 *                     thankful, welcome_back, apologetic
 * @param offers       best first; may be empty
 */
@Serdeable
public record OfferDecision(String requestId, String shopperId, String strategy, String segment,
                            String journeyStage, String tone, @JsonInclude(JsonInclude.Include.ALWAYS) List<DecidedOffer> offers, Instant decidedAt) {

    public List<OfferCard> cards() {
        return offers.stream().map(DecidedOffer::toCard).toList();
    }
}
