package dev.parley.offers.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Epsilon-greedy over optimistic (UCB) scores. Chosen over Thompson sampling because the probability of every
 * choice is exact and cheap, which off-policy evaluation of the logged decisions needs: the best candidate is
 * chosen with 1 - eps + eps/k, each other with eps/k. Slots are filled one after another without repetition.
 */
public final class EpsilonGreedy {

    private EpsilonGreedy() {
    }

    public static List<Pick> choose(double[] scores, int slots, double epsilon, RandomGenerator random) {
        int n = scores.length;
        boolean[] taken = new boolean[n];
        List<Pick> picks = new ArrayList<>(Math.min(slots, n));
        for (int slot = 0; slot < slots && slot < n; slot++) {
            int remaining = n - slot;
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            int chosen = best;
            boolean explored = false;
            if (epsilon > 0 && random.nextDouble() < epsilon) {
                int target = random.nextInt(remaining);
                for (int i = 0; i < n; i++) {
                    if (!taken[i] && target-- == 0) {
                        chosen = i;
                        break;
                    }
                }
                explored = chosen != best;
            }
            double propensity = (chosen == best ? 1 - epsilon : 0) + epsilon / remaining;
            taken[chosen] = true;
            picks.add(new Pick(chosen, propensity, explored));
        }
        return picks;
    }

    /** The probability that the first slot is {@code index}: the policy's distribution for off-policy estimates. */
    public static double probability(double[] scores, int index, double epsilon) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return (index == best ? 1 - epsilon : 0) + epsilon / scores.length;
    }
}
