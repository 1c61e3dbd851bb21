package dev.parley.conversation;

import java.util.Locale;

/** Who wrote a message: the shopper, the assistant, a human agent, or the system (hand-off notices). */
public enum Author {
    SHOPPER, BOT, AGENT, SYSTEM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Author fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
