package dev.parley.offers.decision;

import dev.parley.catalog.Product;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferScope;
import dev.parley.offers.profile.JourneyStage;
import dev.parley.offers.profile.ProfileFacts;

import java.util.Set;

/**
 * The feature vector of (shopper, context, offer) the bandit learns on. Shared across offers, so what is learnt
 * about "life-event offers work" or "free shipping closes carts" transfers to offers never shown before; the
 * offer's own track record enters through its popularity in the shopper's segment.
 */
public final class OfferFeatures {

    public static final int BIAS = 0;
    public static final int POPULARITY = 1;
    public static final int CATEGORY_AFFINITY = 2;
    public static final int BRAND_AFFINITY = 3;
    public static final int BOUGHT_CATEGORY = 4;
    public static final int ASKED_FOR = 5;
    public static final int CART_MATCH = 6;
    public static final int LIFE_EVENT = 7;
    public static final int WEATHER = 8;
    public static final int DEPTH = 9;
    public static final int PRICE_SENSITIVE_DEPTH = 10;
    public static final int INTENT = 11;
    public static final int FATIGUE = 12;
    public static final int VALUE_DEPTH = 13;
    public static final int BESTSELLER_EARLY = 14;
    public static final int WHOLE_SHOP = 15;
    public static final int RELATIVE_AFFINITY = 16;
    public static final int AFFINITY_SQUARED = 17;
    public static final int AFFINITY_ASKED = 18;
    private static final int STAGE_BY_TYPE = 19;
    private static final int TYPES = 4;
    public static final int DIMENSION = STAGE_BY_TYPE + JourneyStage.values().length * TYPES;

    /** Intents that ask for a bargain (intents/deals.yml and common synonyms). */
    private static final Set<String> DEAL_INTENTS = Set.of("ask_discount", "apply_coupon", "current_promotions",
            "deals", "discounts", "coupon", "offers", "promotions", "sale");

    private OfferFeatures() {
    }

    /** @param popularity the offer's smoothed reward rate in the shopper's segment */
    public static double[] of(DecisionContext context, Candidate candidate, double popularity) {
        Offer offer = candidate.offer();
        OfferScope scope = offer.scope();
        ProfileFacts facts = context.facts();
        Product product = candidate.product();
        double[] x = new double[DIMENSION];
        x[BIAS] = 1;
        x[POPULARITY] = Math.min(3, popularity * 10);
        double categoryAffinity = 0;
        double relative = 0;
        boolean bought = false;
        for (String category : scope.categories()) {
            categoryAffinity = Math.max(categoryAffinity, facts.categoryAffinity(category));
            relative = Math.max(relative, facts.relativeCategoryAffinity(category));
            bought |= facts.boughtCategory(category);
        }
        for (String department : scope.departments()) {
            categoryAffinity = Math.max(categoryAffinity, facts.departmentAffinity(department));
        }
        if (product != null && !scope.skus().isEmpty()) {
            categoryAffinity = Math.max(categoryAffinity, facts.categoryAffinity(product.category().toLowerCase()));
            relative = Math.max(relative, facts.relativeCategoryAffinity(product.category().toLowerCase()));
            bought |= facts.boughtCategory(product.category().toLowerCase());
        }
        double brandAffinity = 0;
        for (String brand : scope.brands()) {
            brandAffinity = Math.max(brandAffinity, facts.brandAffinity(brand));
        }
        x[CATEGORY_AFFINITY] = 2 * categoryAffinity;
        x[BRAND_AFFINITY] = 2 * brandAffinity;
        x[BOUGHT_CATEGORY] = bought ? 1 : 0;
        x[ASKED_FOR] = askedFor(context, scope, product) ? 1 : 0;
        x[CART_MATCH] = !scope.isWholeShop() && context.cartProducts().stream().anyMatch(scope::covers) ? 1 : 0;
        x[LIFE_EVENT] = offer.audience().lifeEvents().stream().anyMatch(facts.lifeEvents()::contains) ? 1 : 0;
        x[WEATHER] = context.weather() != null && offer.audience().weather().stream()
                .anyMatch(context.weather()::matches) ? 1 : 0;
        double depth = offer.discount().depth(product == null ? null : product.price());
        x[DEPTH] = depth;
        x[PRICE_SENSITIVE_DEPTH] = 2 * facts.priceSensitivity() * depth;
        x[INTENT] = context.intent() != null && (offer.audience().intents().contains(context.intent())
                || DEAL_INTENTS.contains(context.intent())) ? 1 : 0;
        x[FATIGUE] = Math.log1p(candidate.recentImpressions());
        x[VALUE_DEPTH] = Math.log1p(facts.clv()) / 7 * depth;
        x[BESTSELLER_EARLY] = offer.hasTag("bestseller") && (context.stage() == JourneyStage.BROWSING
                || context.stage() == JourneyStage.NEW || context.stage() == JourneyStage.COMPARING) ? 1 : 0;
        x[WHOLE_SHOP] = scope.isWholeShop() ? 1 : 0;
        // the click odds grow faster than linearly with taste: give the linear model the curve
        x[RELATIVE_AFFINITY] = relative;
        x[AFFINITY_SQUARED] = relative * relative;
        x[AFFINITY_ASKED] = relative * x[ASKED_FOR];
        x[STAGE_BY_TYPE + context.stage().ordinal() * TYPES + offer.discount().type().ordinal()] = 1;
        return x;
    }

    private static boolean askedFor(DecisionContext context, OfferScope scope, Product product) {
        for (String key : new String[]{"category", "brand", "department", "product"}) {
            String value = context.entities().get(key);
            if (value != null && (scope.mentions(value) || product != null
                    && (value.equalsIgnoreCase(product.category()) || value.equalsIgnoreCase(product.brand())))) {
                return true;
            }
        }
        return false;
    }
}
