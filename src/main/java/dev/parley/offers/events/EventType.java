package dev.parley.offers.events;

import java.util.Locale;
import java.util.Optional;

/**
 * Kinds of shopper events. The list plus {@code checkout} (journey stage), {@code conversation_turn}
 * (the dialogue reports intents), {@code preferences} (opt-in to reminders, demographics the shopper gave).
 */
public enum EventType {
    VIEW, SEARCH, ADD_TO_CART, REMOVE_FROM_CART, CHECKOUT, PURCHASE,
    OFFER_SHOWN, OFFER_ACCEPTED, OFFER_DISMISSED, COUPON_REDEEMED,
    CONVERSATION_TURN, PREFERENCES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromId(String id) {
        for (EventType type : values()) {
            if (type.id().equalsIgnoreCase(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Product events name the product (sku) or at least its category. */
    public boolean isProductEvent() {
        return this == VIEW || this == ADD_TO_CART || this == REMOVE_FROM_CART || this == PURCHASE;
    }

    public boolean isOfferEvent() {
        return this == OFFER_SHOWN || this == OFFER_ACCEPTED || this == OFFER_DISMISSED || this == COUPON_REDEEMED;
    }
}
