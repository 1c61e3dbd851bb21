package dev.parley.offers.pricing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The multiplier currently applied to every price within a product or category. */
@Serdeable
public record PriceMultiplier(String scope, String key, double multiplier, Instant updatedAt) {
}
