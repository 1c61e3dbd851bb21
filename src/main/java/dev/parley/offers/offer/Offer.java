package dev.parley.offers.offer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An offer or coupon of the offer catalogue.
 *
 * @param tags           free labels the engine also learns from (bestseller, winback, weather, partner, ...)
 * @param budget         total discount money this offer may give away, null for unlimited
 * @param maxRedemptions total redemptions allowed, null for unlimited
 */
@Serdeable
public record Offer(String id, String title, String description, Discount discount, OfferScope scope,
                    Audience audience, @Nullable Instant validFrom, @Nullable Instant validTo,
                    @Nullable FrequencyCap frequencyCap, @Nullable BigDecimal budget,
                    @Nullable Integer maxRedemptions, CouponPolicy coupon, List<String> tags, boolean active) {

    public Offer {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        if (discount == null) {
            throw new IllegalArgumentException("discount is required");
        }
        description = description == null ? "" : description;
        scope = scope == null ? OfferScope.wholeShop() : scope;
        audience = audience == null ? Audience.everyone() : audience;
        coupon = coupon == null ? CouponPolicy.none() : coupon;
        tags = tags == null ? List.of() : tags.stream().map(String::toLowerCase).toList();
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("validTo must be after validFrom");
        }
        if (budget != null && budget.signum() < 0 || maxRedemptions != null && maxRedemptions < 0) {
            throw new IllegalArgumentException("budget and maxRedemptions must not be negative");
        }
    }

    public boolean isValidAt(Instant now) {
        return active && (validFrom == null || !now.isBefore(validFrom)) && (validTo == null || now.isBefore(validTo));
    }

    public boolean isRecoveryGesture() {
        return audience.isRecoveryGesture();
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
