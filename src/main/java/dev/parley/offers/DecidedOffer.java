package dev.parley.offers;

import dev.parley.message.OfferCard;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One offer of a decision.
 *
 * @param decisionId   report the shopper's reaction with this id ({@link OfferEngine#recordReward})
 * @param discount     short wording of the saving, e.g. "15% off"
 * @param productSku   the product it is shown with, if any (in stock, within scope)
 * @param price        that product's current price (demand multiplier applied, same for every shopper)
 * @param offerPrice   the price after this offer's discount, when it is a per-item discount
 * @param explanation  why this offer, in a few words ("new home", "you often buy running shoes", "exploring")
 * @param reasons      the machine codes behind the explanation (life_event, affinity, cart, weather, ...)
 * @param propensity   the probability with which it was chosen for its position
 */
@Serdeable
public record DecidedOffer(String decisionId, String offerId, int position, String title, String description,
                           String discount, @Nullable String couponCode, @Nullable String productSku,
                           @Nullable String productName, @Nullable BigDecimal price, @Nullable BigDecimal offerPrice,
                           @Nullable String currency, @Nullable Instant expiresAt, String explanation,
                           @JsonInclude(JsonInclude.Include.ALWAYS) List<String> reasons, double propensity, double score) {

    /** The card a reply shows: the title, and the description with the saving and the reason. */
    public OfferCard toCard() {
        String text = description.isBlank() ? discount : description;
        return new OfferCard(offerId, decisionId, title, text + " (" + explanation + ")", couponCode, productSku,
                offerPrice != null ? offerPrice : price, currency, null, expiresAt);
    }
}
