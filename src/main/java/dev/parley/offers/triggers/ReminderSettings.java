package dev.parley.offers.triggers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * parley.offers.reminders.*: deal-expiry reminders (the scan interval is parley.offers.reminders.interval).
 *
 * @param enabled         scan at all
 * @param horizonHours    remind about deals ending within this many hours
 * @param viewedWithinDays only items viewed (and not bought) this recently
 */
@ConfigurationProperties("parley.offers.reminders")
public record ReminderSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "24") int horizonHours,
        @Bindable(defaultValue = "7") int viewedWithinDays) {
}
