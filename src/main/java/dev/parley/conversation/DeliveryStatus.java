package dev.parley.conversation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How far a message got. Status reports arrive late and out of order (WhatsApp sends one webhook per status), so a
 * status only ever moves forward: queued → sent → delivered → read. {@code failed} can follow queued or sent; a
 * later proof of delivery or reading still wins over it, but a failure report never undoes delivered or read.
 */
public enum DeliveryStatus {
    QUEUED, SENT, FAILED, DELIVERED, READ;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The statuses a message may be in for this one to replace it. */
    public Set<DeliveryStatus> replaces() {
        return switch (this) {
            case QUEUED -> EnumSet.noneOf(DeliveryStatus.class);
            case SENT -> EnumSet.of(QUEUED);
            case FAILED -> EnumSet.of(QUEUED, SENT);
            case DELIVERED -> EnumSet.of(QUEUED, SENT, FAILED);
            case READ -> EnumSet.of(QUEUED, SENT, FAILED, DELIVERED);
        };
    }
}
