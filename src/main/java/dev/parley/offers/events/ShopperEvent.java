package dev.parley.offers.events;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * Something a shopper did. {@code eventId} is the client's id: a retried event is stored and counted once.
 * Properties are flat strings: sku, category, brand, color, size, price, quantity, amount, order_id, offer_id,
 * decision_id, coupon, intent, channel, query, age_band, region, location, reminders (true/false).
 */
@Serdeable
public record ShopperEvent(String eventId, String shopperId, EventType type, Instant timestamp,
                           Map<String, String> properties) {

    public ShopperEvent {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public String property(String name) {
        String value = properties.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public double number(String name, double defaultValue) {
        String value = property(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
