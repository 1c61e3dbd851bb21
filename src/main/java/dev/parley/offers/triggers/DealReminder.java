package dev.parley.offers.triggers;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A queued reminder: the shopper viewed {@code sku} without buying it and the offer on it ends soon.
 *
 * @param status queued, sent, failed, cancelled
 */
@Serdeable
public record DealReminder(long id, String shopperId, String offerId, String sku, String channel,
                           Instant dealEndsAt, String status, Instant createdAt) {
}
