package dev.parley.offers.pricing;

/**
 * The pricing rule, pure so its bounds and smoothing are tested directly. Demand pressure is demand in the
 * window against what the stock "normally" attracts; the target moves with the log of the pressure (doubling
 * demand moves it as much as halving it, in the other direction), is clamped to [floor, cap], and the multiplier
 * approaches it by a share of the gap, never by more than maxStep per update.
 */
public final class MultiplierRule {

    private MultiplierRule() {
    }

    public static double target(double demand, int events, int stock, PricingSettings settings) {
        if (events < settings.minEvents()) {
            return 1.0;
        }
        double expected = settings.normalDemandPerStock() * Math.max(1, stock);
        double pressure = (demand + 1) / (expected + 1);
        double target = 1 + settings.sensitivity() * Math.log(pressure) / Math.log(2);
        return clamp(target, settings);
    }

    public static double next(double current, double target, PricingSettings settings) {
        double step = settings.smoothing() * (target - current);
        step = Math.max(-settings.maxStep(), Math.min(settings.maxStep(), step));
        double next = clamp(current + step, settings);
        return Math.round(next * 10_000) / 10_000.0;
    }

    private static double clamp(double value, PricingSettings settings) {
        return Math.max(settings.floor(), Math.min(settings.cap(), value));
    }
}
