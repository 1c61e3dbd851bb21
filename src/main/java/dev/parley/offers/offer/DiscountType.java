package dev.parley.offers.offer;

/** How an offer saves the shopper money. */
public enum DiscountType {
    PERCENT, AMOUNT, FREE_SHIPPING, BUNDLE
}
