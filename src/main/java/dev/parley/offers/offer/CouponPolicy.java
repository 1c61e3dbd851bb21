package dev.parley.offers.offer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** How the shopper claims an offer: {@code code} for SINGLE, {@code prefix} of generated codes for UNIQUE. */
@Serdeable
public record CouponPolicy(CouponMode mode, @Nullable String code, @Nullable String prefix) {

    public CouponPolicy {
        mode = mode == null ? CouponMode.NONE : mode;
        if (mode == CouponMode.SINGLE && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("a SINGLE coupon needs a code");
        }
    }

    public static CouponPolicy none() {
        return new CouponPolicy(CouponMode.NONE, null, null);
    }
}
