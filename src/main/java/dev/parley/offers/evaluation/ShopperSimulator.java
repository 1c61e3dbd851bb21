package dev.parley.offers.evaluation;

import dev.parley.catalog.Product;
import dev.parley.offers.bandit.BanditSettings;
import dev.parley.offers.bandit.OfferBandit;
import dev.parley.offers.decision.Candidate;
import dev.parley.offers.decision.DecisionContext;
import dev.parley.offers.decision.Eligibility;
import dev.parley.offers.decision.OfferFeatures;
import dev.parley.offers.decision.OfferInventory;
import dev.parley.offers.decision.OfferRanker;
import dev.parley.offers.decision.RankedOffer;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.profile.ProfileFacts;
import dev.parley.offers.profile.ProfileSettings;
import dev.parley.offers.profile.ProfileUpdater;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the engine's own decision code (profiles, hard rules, features, bandit, exploration) against simulated
 * shoppers, side by side with random choice, global popularity (greedy on observed click rate) and the oracle
 * (which knows the true click probabilities). Every policy faces the same shoppers and contexts and the same
 * random numbers for clicks (common random numbers), so differences are the policies', not luck's.
 */
public final class ShopperSimulator {

    public static final List<String> POLICIES = List.of("engine", "random", "popularity", "oracle");

    /** Click-through per policy: overall, per window of impressions, and in the last window. */
    public record Result(int impressions, int window, Map<String, Double> ctr, Map<String, Double> finalWindowCtr,
                         Map<String, List<Double>> curves) {

        public double ratio(String policy, String baseline, boolean finalWindow) {
            Map<String, Double> source = finalWindow ? finalWindowCtr : ctr;
            return source.get(policy) / source.get(baseline);
        }
    }

    private final List<Product> catalogue;
    private final List<Offer> offers;
    private final ProfileSettings profileSettings;

    public ShopperSimulator(List<Product> catalogue, List<Offer> offers) {
        this.catalogue = catalogue;
        this.offers = offers;
        this.profileSettings = ProfileSettings.defaults();
    }

    public Result run(int impressions, int shoppers, int window, BanditSettings settings, long seed) {
        ShopperWorld world = new ShopperWorld(catalogue, offers, new ProfileUpdater(profileSettings), shoppers, seed);
        OfferInventory inventory = new OfferInventory(world.offers(), world.products());
        OfferRanker engine = new OfferRanker(new OfferBandit(OfferFeatures.DIMENSION, settings));
        SplittableRandom choices = new SplittableRandom(seed * 31 + 1);
        Map<String, double[]> popularity = new HashMap<>();
        Map<String, Integer> shown = new HashMap<>();
        Map<String, int[]> clicks = new LinkedHashMap<>();
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        Map<String, int[]> windowClicks = new LinkedHashMap<>();
        for (String policy : POLICIES) {
            clicks.put(policy, new int[1]);
            curves.put(policy, new ArrayList<>());
            windowClicks.put(policy, new int[1]);
        }
        for (int t = 1; t <= impressions; t++) {
            ShopperWorld.Session session = world.nextSession();
            ProfileFacts facts = ProfileFacts.of(session.shopper().profile(), profileSettings, session.now());
            double cartValue = session.cart().stream().mapToDouble(p -> p.price().doubleValue()).sum();
            DecisionContext context = DecisionContext.of(facts, "webchat", session.intent(), session.entities(),
                    session.cart(), cartValue, session.weather(), session.now());
            List<Candidate> candidates = new ArrayList<>();
            for (Offer offer : world.offers()) {
                Product product = inventory.featured(offer, context.entities());
                if (Eligibility.rejection(offer, context, 0, true, product, null).isEmpty()) {
                    candidates.add(new Candidate(offer, product,
                            shown.getOrDefault(session.shopper().id() + "|" + offer.id(), 0)));
                }
            }
            if (candidates.isEmpty()) {
                t--;
                continue;
            }
            double u = world.random().nextDouble();
            // engine
            RankedOffer pick = engine.rank(context, candidates, 1, !facts.isKnown(), choices).get(0);
            Offer engineOffer = pick.candidate().offer();
            double engineReward = u < world.clickProbability(session, engineOffer) ? 1 : 0;
            engine.bandit().learn(pick.features(), context.segment(), engineOffer.id(), engineReward);
            shown.merge(session.shopper().id() + "|" + engineOffer.id(), 1, Integer::sum);
            // random
            Offer randomOffer = candidates.get(choices.nextInt(candidates.size())).offer();
            // popularity: the offer with the best observed click rate so far (optimistic start: untried = 1/2)
            Offer popular = null;
            double best = -1;
            for (Candidate candidate : candidates) {
                double[] c = popularity.getOrDefault(candidate.offer().id(), new double[2]);
                double rate = (c[1] + 1) / (c[0] + 2);
                if (rate > best) {
                    best = rate;
                    popular = candidate.offer();
                }
            }
            double popularReward = u < world.clickProbability(session, popular) ? 1 : 0;
            double[] c = popularity.computeIfAbsent(popular.id(), id -> new double[2]);
            c[0]++;
            c[1] += popularReward;
            // oracle
            Offer oracle = null;
            double oracleP = -1;
            for (Candidate candidate : candidates) {
                double p = world.clickProbability(session, candidate.offer());
                if (p > oracleP) {
                    oracleP = p;
                    oracle = candidate.offer();
                }
            }
            Map<String, Double> rewards = Map.of("engine", engineReward,
                    "random", u < world.clickProbability(session, randomOffer) ? 1.0 : 0.0,
                    "popularity", popularReward, "oracle", u < oracleP ? 1.0 : 0.0);
            for (String policy : POLICIES) {
                int r = rewards.get(policy).intValue();
                clicks.get(policy)[0] += r;
                windowClicks.get(policy)[0] += r;
            }
            if (t % window == 0) {
                for (String policy : POLICIES) {
                    curves.get(policy).add(windowClicks.get(policy)[0] / (double) window);
                    windowClicks.get(policy)[0] = 0;
                }
            }
        }
        Map<String, Double> ctr = new LinkedHashMap<>();
        Map<String, Double> last = new LinkedHashMap<>();
        for (String policy : POLICIES) {
            ctr.put(policy, clicks.get(policy)[0] / (double) impressions);
            List<Double> curve = curves.get(policy);
            last.put(policy, curve.isEmpty() ? ctr.get(policy) : curve.get(curve.size() - 1));
        }
        return new Result(impressions, window, ctr, last, curves);
    }

    /**
     * Writes a log of a uniformly random logging policy over all sales offers (propensity 1/K), in the
     * {@code offers evaluate} format, with a truth file (each row: every offer's true click probability) and an
     * actions file (each offer's categories, brands, discount type, life events, weather, stages, tags).
     */
    public void writeUniformLog(int rows, int shoppers, long seed, java.io.Writer log, java.io.Writer truth,
                                java.io.Writer actions) throws java.io.IOException {
        ShopperWorld world = new ShopperWorld(catalogue, offers, new ProfileUpdater(profileSettings), shoppers, seed);
        List<Offer> all = world.offers();
        SplittableRandom choices = new SplittableRandom(seed * 17 + 3);
        log.write("timestamp,position,stage,segment,intent,weather,life_event,top_category,asked_category,"
                + "price_sensitivity,action,reward,propensity\n");
        truth.write(String.join(",", all.stream().map(Offer::id).toList()) + "\n");
        for (int t = 0; t < rows; t++) {
            ShopperWorld.Session session = world.nextSession();
            ProfileFacts facts = ProfileFacts.of(session.shopper().profile(), profileSettings, session.now());
            DecisionContext context = DecisionContext.of(facts, "webchat", session.intent(), session.entities(),
                    session.cart(), 0, session.weather(), session.now());
            Offer chosen = all.get(choices.nextInt(all.size()));
            double reward = world.random().nextDouble() < world.clickProbability(session, chosen) ? 1 : 0;
            String top = facts.topCategories(1).stream().map(Map.Entry::getKey).findFirst().orElse("none");
            log.write(String.join(",", session.now().toString(), "1", context.stage().id(), context.segment(),
                    session.intent() == null ? "none" : session.intent(), session.weather().condition(),
                    facts.lifeEvents().isEmpty() ? "none" : facts.lifeEvents().get(0), csv(top),
                    csv(session.entities().getOrDefault("category", "none")),
                    String.format(java.util.Locale.ROOT, "%.2f", facts.priceSensitivity()), chosen.id(),
                    reward == 1 ? "1" : "0", String.format(java.util.Locale.ROOT, "%.8f", 1.0 / all.size())) + "\n");
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < all.size(); k++) {
                line.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.6f",
                        world.clickProbability(session, all.get(k))));
            }
            truth.write(line.append("\n").toString());
        }
        actions.write("action,categories,brands,discount_type,life_events,weather,stages,tags,depth\n");
        for (Offer offer : all) {
            java.util.List<String> categories = new ArrayList<>(offer.scope().categories());
            for (Product product : world.products().all()) {
                if (offer.scope().departments().contains(product.department().toLowerCase())
                        && !categories.contains(product.category().toLowerCase())) {
                    categories.add(product.category().toLowerCase());
                }
            }
            actions.write(String.join(",", offer.id(), csv(String.join("|", categories)),
                    csv(String.join("|", offer.scope().brands())), offer.discount().type().name().toLowerCase(),
                    String.join("|", offer.audience().lifeEvents()), String.join("|", offer.audience().weather()),
                    String.join("|", offer.audience().journeyStages()), String.join("|", offer.tags()),
                    String.format(java.util.Locale.ROOT, "%.3f", offer.discount().depth(null))) + "\n");
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
