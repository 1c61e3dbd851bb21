package dev.parley.handoff;

import java.util.Locale;

/**
 * Where a hand-off is: waiting in its queue, assigned to an agent, or closed: resolved by the agent, returned to the
 * bot, or cancelled because the conversation moved on without a person (closed, or taken back by the bot).
 */
public enum EscalationStatus {
    WAITING, ASSIGNED, RESOLVED, RETURNED, CANCELLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EscalationStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean isOpen() {
        return this == WAITING || this == ASSIGNED;
    }
}
