package dev.parley.offers.offer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * What the shopper gets.
 *
 * @param value          percent (PERCENT, BUNDLE) or money (AMOUNT); unused for FREE_SHIPPING
 * @param bundleQuantity for BUNDLE: how many items must be bought together for {@code value} percent off
 * @param minCartValue   the cart value from which it applies (e.g. free shipping over 50), null for none
 */
@Serdeable
public record Discount(DiscountType type, @Nullable BigDecimal value, @Nullable Integer bundleQuantity,
                       @Nullable BigDecimal minCartValue) {

    /** What free shipping is worth as a share of a typical order, so it can be compared with price discounts. */
    static final double FREE_SHIPPING_DEPTH = 0.06;

    public Discount {
        if (type == null) {
            throw new IllegalArgumentException("discount type is required");
        }
        if ((type == DiscountType.PERCENT || type == DiscountType.BUNDLE || type == DiscountType.AMOUNT)
                && (value == null || value.signum() <= 0)) {
            throw new IllegalArgumentException("a " + type.name().toLowerCase() + " discount needs a positive value");
        }
        if ((type == DiscountType.PERCENT || type == DiscountType.BUNDLE) && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a percentage cannot exceed 100");
        }
        if (type == DiscountType.BUNDLE && (bundleQuantity == null || bundleQuantity < 2)) {
            throw new IllegalArgumentException("a bundle needs bundleQuantity >= 2");
        }
    }

    public static Discount percent(double percent) {
        return new Discount(DiscountType.PERCENT, BigDecimal.valueOf(percent), null, null);
    }

    /** The saving as a share of {@code referencePrice} (0..1), the common scale the bandit compares offers on. */
    public double depth(@Nullable BigDecimal referencePrice) {
        return switch (type) {
            case PERCENT -> value.doubleValue() / 100.0;
            case BUNDLE -> value.doubleValue() / 100.0 * 0.8; // needs a bigger basket: worth a little less per item
            case FREE_SHIPPING -> FREE_SHIPPING_DEPTH;
            case AMOUNT -> referencePrice == null || referencePrice.signum() <= 0
                    ? 0.1 : Math.min(1.0, value.doubleValue() / referencePrice.doubleValue());
        };
    }

    /** The same discount with its value multiplied (service-recovery gestures grow with customer value). */
    public Discount scaled(double factor, double maxPercent) {
        if (value == null || factor == 1.0) {
            return this;
        }
        double scaled = value.doubleValue() * factor;
        if (type == DiscountType.PERCENT || type == DiscountType.BUNDLE) {
            scaled = Math.min(scaled, maxPercent);
        }
        return new Discount(type, BigDecimal.valueOf(Math.round(scaled * 100) / 100.0), bundleQuantity, minCartValue);
    }

    /** Short human wording: "15% off", "10.00 off", "free shipping", "buy 2, save 20%". */
    public String describe(String currency) {
        String threshold = minCartValue == null ? "" : " over " + minCartValue.stripTrailingZeros().toPlainString()
                + " " + currency;
        return switch (type) {
            case PERCENT -> value.stripTrailingZeros().toPlainString() + "% off" + threshold;
            case AMOUNT -> value.stripTrailingZeros().toPlainString() + " " + currency + " off" + threshold;
            case FREE_SHIPPING -> "free shipping" + threshold;
            case BUNDLE -> "buy " + bundleQuantity + ", save " + value.stripTrailingZeros().toPlainString() + "%";
        };
    }

    /** The price after this discount for one item, where it applies per item; else the price unchanged. */
    public BigDecimal apply(BigDecimal price) {
        return switch (type) {
            case PERCENT -> price.multiply(BigDecimal.ONE.subtract(value.movePointLeft(2)))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            case AMOUNT -> price.subtract(value).max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP);
            default -> price;
        };
    }
}
