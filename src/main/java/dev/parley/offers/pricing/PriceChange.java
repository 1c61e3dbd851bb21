package dev.parley.offers.pricing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One audited change of a multiplier, with the demand and stock that caused it. */
@Serdeable
public record PriceChange(long id, String scope, String key, double oldMultiplier, double newMultiplier,
                          double target, double demand, int stock, Instant changedAt) {
}
