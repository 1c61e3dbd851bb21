package dev.parley.offers.bandit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BanditMathTest {

    @Test
    void ridgeRecoversALinearRewardAndShrinksItsWidth() {
        double[] truth = {0.2, -0.5, 1.5};
        RidgeModel model = new RidgeModel(3, 1.0);
        SplittableRandom random = new SplittableRandom(3);
        double[] probe = {1, 0.5, 0.5};
        double before = model.width(probe);
        for (int i = 0; i < 5000; i++) {
            double[] x = {1, random.nextDouble(), random.nextDouble()};
            double y = truth[0] * x[0] + truth[1] * x[1] + truth[2] * x[2] + (random.nextDouble() - 0.5) * 0.2;
            model.update(x, y);
        }
        double[] theta = model.theta();
        for (int i = 0; i < 3; i++) {
            assertEquals(truth[i], theta[i], 0.05, "theta " + i);
        }
        assertTrue(model.width(probe) < before / 20, "width shrinks with data");
    }

    @Test
    void restoringFromStatisticsGivesTheSameModel() {
        RidgeModel model = new RidgeModel(4, 2.0);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            model.update(new double[]{1, random.nextDouble(), random.nextDouble(), random.nextDouble()}, random.nextDouble());
        }
        RidgeModel restored = RidgeModel.restore(model.a(), model.b(), model.updates());
        assertArrayEquals(model.theta(), restored.theta(), 1e-9);
        double[] x = {1, 0.3, 0.2, 0.9};
        assertEquals(model.width(x), restored.width(x), 1e-9);
        assertEquals(200, restored.updates());
    }

    @Test
    void epsilonGreedyPropensitiesAreExact() {
        double[] scores = {0.1, 0.9, 0.3, 0.2};
        double epsilon = 0.2;
        SplittableRandom random = new SplittableRandom(9);
        int[] counts = new int[4];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            Pick pick = EpsilonGreedy.choose(scores, 1, epsilon, random).get(0);
            counts[pick.index()]++;
            assertEquals(EpsilonGreedy.probability(scores, pick.index(), epsilon), pick.propensity(), 1e-12);
        }
        assertEquals(0.85, counts[1] / (double) n, 0.005);
        assertEquals(0.05, counts[0] / (double) n, 0.003);
        List<Pick> two = EpsilonGreedy.choose(scores, 2, 0, random);
        assertEquals(1, two.get(0).index());
        assertEquals(2, two.get(1).index());
        assertEquals(1.0, two.get(1).propensity());
        assertEquals(4, EpsilonGreedy.choose(scores, 9, 0.5, random).stream().map(Pick::index).distinct().count());
    }

    @Test
    void popularityIsSmoothedTowardsTheOverallRate() {
        OfferPopularity popularity = new OfferPopularity();
        for (int i = 0; i < 100; i++) {
            popularity.record("new", "a", i < 30 ? 1 : 0);
            popularity.record("new", "b", i < 5 ? 1 : 0);
        }
        popularity.record("vip", "b", 1);
        assertTrue(popularity.rate("new", "a") > popularity.rate("new", "b"));
        double unseen = popularity.rate("new", "c");
        assertEquals(popularity.overallRate(), unseen, 1e-12);
        assertTrue(popularity.rate("vip", "b") > popularity.rate("new", "b"), "one vip click lifts b for vips only");
        OfferPopularity copy = new OfferPopularity();
        copy.restore(popularity.export());
        assertEquals(popularity.rate("new", "a"), copy.rate("new", "a"), 1e-12);
    }
}
