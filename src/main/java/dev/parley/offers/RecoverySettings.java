package dev.parley.offers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Map;

/**
 * parley.offers.recovery.*: service recovery.
 *
 * @param quietMinutes after a recovery gesture, no sales offer for this long (0: only that turn)
 * @param loyalScale   the gesture's value is multiplied by this for loyal shoppers
 * @param vipScale     ... and by this for vip shoppers (highest customer value)
 * @param maxPercent   a scaled percentage gesture never exceeds this
 * @param intents      conversation intent -> recovery reason (complaint, payment_problem, late_order)
 */
@ConfigurationProperties("parley.offers.recovery")
public record RecoverySettings(
        @Bindable(defaultValue = "15") int quietMinutes,
        @Bindable(defaultValue = "1.5") double loyalScale,
        @Bindable(defaultValue = "2.0") double vipScale,
        @Bindable(defaultValue = "30") double maxPercent,
        Map<String, String> intents) {

    public RecoverySettings {
        Map<String, String> source = intents == null || intents.isEmpty() ? Map.of(
                "complaint", "complaint", "payment_problem", "payment_problem", "payment_failed", "payment_problem",
                "late_order", "late_order", "order_late", "late_order") : intents;
        Map<String, String> normalised = new java.util.HashMap<>();
        source.forEach((k, v) -> normalised.put(k.replace('-', '_').toLowerCase(), v.replace('-', '_').toLowerCase()));
        intents = Map.copyOf(normalised);
    }
}
