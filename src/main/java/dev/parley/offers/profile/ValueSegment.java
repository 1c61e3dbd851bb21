package dev.parley.offers.profile;

import java.util.Locale;

/** A shopper's value segment, from purchase history; cold start ranks offers by popularity within it. */
public enum ValueSegment {
    NEW, OCCASIONAL, LOYAL, VIP, LAPSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
