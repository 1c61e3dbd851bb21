package dev.parley.offers.decision;

import dev.parley.catalog.Product;
import dev.parley.offers.offer.Offer;
import io.micronaut.core.annotation.Nullable;

/**
 * An eligible offer with the product it would be shown with (null for whole-shop offers) and how often this
 * shopper saw it in the last week (offer fatigue).
 */
public record Candidate(Offer offer, @Nullable Product product, int recentImpressions) {
}
