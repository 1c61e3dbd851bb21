package dev.parley.conversation;

import java.util.Locale;

/** Inbound: from the shopper. Outbound: to the shopper (bot, agent or system). */
public enum Direction {
    INBOUND, OUTBOUND;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
