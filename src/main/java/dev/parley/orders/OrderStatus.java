package dev.parley.orders;

import java.util.Locale;

/** Where an order is in its life. The database form is {@link #id()}. */
public enum OrderStatus {
    PLACED, PROCESSING, SHIPPED, OUT_FOR_DELIVERY, DELIVERED, CANCELLED, RETURNED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a sentence says it: "out for delivery". */
    public String text() {
        return id().replace('_', ' ');
    }

    public static OrderStatus fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    /** Nothing has left the warehouse yet: the order can still be cancelled or sent elsewhere. */
    public boolean isChangeable() {
        return this == PLACED || this == PROCESSING;
    }

    public boolean hasShipped() {
        return this == SHIPPED || this == OUT_FOR_DELIVERY || this == DELIVERED || this == RETURNED;
    }
}
