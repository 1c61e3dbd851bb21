package dev.parley.offers.pricing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * parley.offers.pricing.*: demand-based price multipliers.
 *
 * @param enabled              off: every multiplier stays 1.0
 * @param scope                "category" (one multiplier per category) or "product" (per sku)
 * @param floor                lowest multiplier ever applied
 * @param cap                  highest multiplier ever applied
 * @param windowMinutes        the sliding window demand is counted over
 * @param viewWeight           demand of one view
 * @param cartWeight           demand of one add-to-cart
 * @param normalDemandPerStock demand per unit of stock at which the price is left alone
 * @param sensitivity          how far the target moves per doubling of demand pressure
 * @param smoothing            share of the gap to the target closed per update (0..1)
 * @param maxStep              largest change of a multiplier per update
 * @param minEvents            below this many events in the window there is no signal: target 1.0
 */
@ConfigurationProperties("parley.offers.pricing")
public record PricingSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "category") String scope,
        @Bindable(defaultValue = "0.9") double floor,
        @Bindable(defaultValue = "1.15") double cap,
        @Bindable(defaultValue = "60") int windowMinutes,
        @Bindable(defaultValue = "1") double viewWeight,
        @Bindable(defaultValue = "3") double cartWeight,
        @Bindable(defaultValue = "0.5") double normalDemandPerStock,
        @Bindable(defaultValue = "0.1") double sensitivity,
        @Bindable(defaultValue = "0.3") double smoothing,
        @Bindable(defaultValue = "0.02") double maxStep,
        @Bindable(defaultValue = "5") int minEvents) {

    public PricingSettings {
        if (floor <= 0 || floor > 1 || cap < 1 || cap > 3) {
            throw new IllegalArgumentException("parley.offers.pricing needs 0 < floor <= 1 <= cap <= 3");
        }
        if (!scope.equals("category") && !scope.equals("product")) {
            throw new IllegalArgumentException("parley.offers.pricing.scope must be category or product");
        }
        if (smoothing <= 0 || smoothing > 1 || maxStep <= 0 || windowMinutes < 1) {
            throw new IllegalArgumentException("parley.offers.pricing: smoothing in (0,1], max-step > 0, window >= 1");
        }
    }

    public static PricingSettings defaults() {
        return new PricingSettings(true, "category", 0.9, 1.15, 60, 1, 3, 0.5, 0.1, 0.3, 0.02, 5);
    }
}
