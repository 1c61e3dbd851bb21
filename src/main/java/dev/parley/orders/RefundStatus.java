package dev.parley.orders;

import java.util.Locale;

/** A refund's progress; {@code none} when there is no refund. */
public enum RefundStatus {
    NONE, REQUESTED, PROCESSING, REFUNDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefundStatus fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
