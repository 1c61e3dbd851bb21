package dev.parley.offers.offer;

/** NONE: applied automatically; SINGLE: one code for everyone; UNIQUE: a code issued per shopper. */
public enum CouponMode {
    NONE, SINGLE, UNIQUE
}
