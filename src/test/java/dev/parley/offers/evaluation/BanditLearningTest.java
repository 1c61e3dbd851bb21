package dev.parley.offers.evaluation;

import dev.parley.offers.bandit.BanditSettings;
import dev.parley.offers.offer.DemoOfferSeeder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine learns on simulated shoppers: clearly better than random, and not far from the oracle. */
class BanditLearningTest {

    @Test
    void engineBeatsRandomAndPopularityOnSimulatedShoppers() throws Exception {
        ShopperSimulator simulator = new ShopperSimulator(SimulationFixtures.catalogue(), DemoOfferSeeder.demoOffers());
        for (long seed : new long[]{11, 12}) {
            ShopperSimulator.Result result = simulator.run(6000, 800, 1000, BanditSettings.defaults(), seed);
            System.out.println("seed " + seed + " ctr " + result.ctr() + " last " + result.finalWindowCtr());
            assertTrue(result.ratio("engine", "random", false) > 1.5, "engine vs random: " + result.ctr());
            assertTrue(result.ctr().get("engine") > result.ctr().get("popularity"), "engine vs popularity: " + result.ctr());
            assertTrue(result.ctr().get("engine") < result.ctr().get("oracle"), "nobody beats the oracle: " + result.ctr());
        }
    }
}
