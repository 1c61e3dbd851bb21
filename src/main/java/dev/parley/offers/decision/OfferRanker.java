package dev.parley.offers.decision;

import dev.parley.offers.bandit.EpsilonGreedy;
import dev.parley.offers.bandit.OfferBandit;
import dev.parley.offers.bandit.Pick;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Ranks eligible offers and fills the slots: the learned optimistic score for known shoppers, the offer's
 * popularity in the segment for unknown ones (cold start), epsilon-greedy exploration in both so every logged
 * choice has an exact propensity. Pure: the simulator and the service share it.
 */
public final class OfferRanker {

    private final OfferBandit bandit;

    public OfferRanker(OfferBandit bandit) {
        this.bandit = bandit;
    }

    public OfferBandit bandit() {
        return bandit;
    }

    /** @param coldStart rank by segment popularity (the shopper is unknown) */
    public List<RankedOffer> rank(DecisionContext context, List<Candidate> candidates, int slots, boolean coldStart,
                                  RandomGenerator random) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int n = candidates.size();
        double[][] features = new double[n][];
        double[] scores = new double[n];
        String segment = context.segment();
        for (int i = 0; i < n; i++) {
            Candidate candidate = candidates.get(i);
            double popularity = bandit.popularity().rate(segment, candidate.offer().id());
            features[i] = OfferFeatures.of(context, candidate, popularity);
            scores[i] = coldStart ? popularity : bandit.optimisticScore(features[i]);
        }
        List<Pick> picks = EpsilonGreedy.choose(scores, slots, bandit.settings().explorationRate(), random);
        List<RankedOffer> ranked = new ArrayList<>(picks.size());
        for (int position = 0; position < picks.size(); position++) {
            Pick pick = picks.get(position);
            Candidate candidate = candidates.get(pick.index());
            Explanations.Explanation why = Explanations.of(context, candidate, features[pick.index()],
                    pick.explored(), coldStart);
            ranked.add(new RankedOffer(candidate, position + 1, features[pick.index()], scores[pick.index()],
                    pick.propensity(), pick.explored(), why.text(), why.reasons()));
        }
        return ranked;
    }
}
