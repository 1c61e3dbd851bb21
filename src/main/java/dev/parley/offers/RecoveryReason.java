package dev.parley.offers;

import java.util.Locale;
import java.util.Optional;

/** What went wrong for the shopper; each has its recovery gestures in the offer catalogue. */
public enum RecoveryReason {
    COMPLAINT("sorry for the trouble"),
    PAYMENT_PROBLEM("sorry about the payment problem"),
    LATE_ORDER("sorry your order is late");

    private final String apology;

    RecoveryReason(String apology) {
        this.apology = apology;
    }

    public String apology() {
        return apology;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecoveryReason> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (RecoveryReason reason : values()) {
            if (reason.id().equalsIgnoreCase(id)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
