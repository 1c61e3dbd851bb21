package dev.parley.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An offer as a reply shows it. {@code decisionId} ties the shopper's reaction back to the personalization
 * engine's decision so it can learn from it.
 */
@Serdeable
public record OfferCard(
        String offerId,
        @Nullable String decisionId,
        String title,
        String description,
        @Nullable String couponCode,
        @Nullable String productSku,
        @Nullable BigDecimal price,
        @Nullable String currency,
        @Nullable String imageUrl,
        @Nullable Instant expiresAt) {
}
