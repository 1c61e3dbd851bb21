package dev.parley.offers.bandit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * parley.offers.bandit.*: the learning policy.
 *
 * @param explorationRate      epsilon: share of slots filled uniformly at random among eligible offers
 * @param ucbAlpha             weight of the confidence width added to the predicted reward (optimism)
 * @param ridgeLambda          ridge prior strength of the linear model
 * @param snapshotEvery        write the learned state after this many learned rewards (and at shutdown)
 * @param rewardTimeoutMinutes a shown offer without reaction after this long counts as "ignored"
 */
@ConfigurationProperties("parley.offers.bandit")
public record BanditSettings(
        @Bindable(defaultValue = "0.05") double explorationRate,
        @Bindable(defaultValue = "0.3") double ucbAlpha,
        @Bindable(defaultValue = "1.0") double ridgeLambda,
        @Bindable(defaultValue = "500") int snapshotEvery,
        @Bindable(defaultValue = "30") int rewardTimeoutMinutes) {

    public BanditSettings {
        if (explorationRate < 0 || explorationRate > 1) {
            throw new IllegalArgumentException("parley.offers.bandit.exploration-rate must be within 0..1");
        }
        if (ridgeLambda <= 0) {
            throw new IllegalArgumentException("parley.offers.bandit.ridge-lambda must be positive");
        }
    }

    public static BanditSettings defaults() {
        return new BanditSettings(0.05, 0.3, 1.0, 500, 30);
    }

    public BanditSettings withExplorationRate(double rate) {
        return new BanditSettings(rate, ucbAlpha, ridgeLambda, snapshotEvery, rewardTimeoutMinutes);
    }
}
