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

    /**
     * The event a conversation turn produces (the dialogue sends it through {@code OfferEngine.recordEvents}):
     * the recognised intent and entities (category, brand, color, size) count towards the shopper's interests,
     * and intents such as moving_home reveal life events. Never the message text.
     *
     * @param messageId the channel's message id, so a redelivered message counts once
     */
    public static ShopperEvent conversationTurn(String messageId, String shopperId, dev.parley.message.Channel channel,
                                                String intent, Map<String, String> entities, Instant at) {
        Map<String, String> properties = new java.util.HashMap<>();
        if (entities != null) {
            entities.forEach((key, value) -> {
                if (value != null && java.util.Set.of("category", "brand", "color", "size", "department").contains(key)) {
                    properties.put(key, value);
                }
            });
        }
        if (intent != null) {
            properties.put("intent", intent);
        }
        properties.put("channel", channel.id());
        return new ShopperEvent("turn:" + messageId, shopperId, EventType.CONVERSATION_TURN, at, properties);
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
