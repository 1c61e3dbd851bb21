package dev.parley.offers;

import java.util.Locale;
import java.util.Optional;

/** What the shopper did with a shown offer, and what it is worth to the learner. */
public enum RewardOutcome {
    ACCEPTED(1.0), REDEEMED(1.0), DISMISSED(0.0), IGNORED(0.0);

    private final double reward;

    RewardOutcome(double reward) {
        this.reward = reward;
    }

    public double reward() {
        return reward;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RewardOutcome> fromId(String id) {
        for (RewardOutcome outcome : values()) {
            if (outcome.id().equalsIgnoreCase(id)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
