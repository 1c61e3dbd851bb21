package dev.parley.offers.decision;

import dev.parley.catalog.Product;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.profile.JourneyStage;
import dev.parley.offers.offer.DiscountType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why an offer was chosen, in words a reply can use and as machine codes: the features that matched, most
 * specific first ("new home" before "popular with shoppers like you").
 */
public final class Explanations {

    private static final Map<String, String> LIFE_EVENT_WORDS = Map.of(
            "moving_home", "new home", "new_baby", "for the new baby", "student", "student offer",
            "wedding", "for the wedding");

    private Explanations() {
    }

    public record Explanation(String text, List<String> reasons) {
    }

    public static Explanation of(DecisionContext context, Candidate candidate, double[] x, boolean explored,
                                 boolean coldStart) {
        List<String> codes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Offer offer = candidate.offer();
        if (explored) {
            codes.add("exploring");
            words.add("exploring");
        }
        if (x[OfferFeatures.LIFE_EVENT] > 0) {
            String event = offer.audience().lifeEvents().stream().filter(context.facts().lifeEvents()::contains)
                    .findFirst().orElse("");
            codes.add("life_event:" + event);
            words.add(LIFE_EVENT_WORDS.getOrDefault(event, event.replace('_', ' ')));
        }
        if (x[OfferFeatures.WEATHER] > 0) {
            codes.add("weather");
            words.add(context.weather().condition() + " in " + context.weather().location());
        }
        if (x[OfferFeatures.CART_MATCH] > 0 || context.stage() == JourneyStage.CART
                && offer.discount().type() == DiscountType.FREE_SHIPPING) {
            codes.add("cart");
            words.add(offer.discount().type() == DiscountType.FREE_SHIPPING ? "free shipping for your cart"
                    : "goes with your cart");
        }
        if (x[OfferFeatures.ASKED_FOR] > 0) {
            codes.add("asked_for");
            words.add("matches what you are looking for");
        }
        if (x[OfferFeatures.CATEGORY_AFFINITY] >= 0.3) {
            String category = affineCategory(context, candidate);
            codes.add("affinity:" + category);
            words.add((x[OfferFeatures.BOUGHT_CATEGORY] > 0 ? "you often buy " : "you often look at ") + category);
        } else if (x[OfferFeatures.BRAND_AFFINITY] >= 0.3) {
            codes.add("brand");
            words.add("a brand you like");
        }
        if (x[OfferFeatures.BESTSELLER_EARLY] > 0) {
            codes.add("bestseller");
            words.add("a bestseller");
        }
        if (codes.isEmpty() || codes.size() == 1 && explored) {
            codes.add(coldStart ? "popular_in_segment" : "popular");
            words.add(coldStart ? "popular with shoppers like you" : "popular right now");
        }
        return new Explanation(String.join(", ", words.subList(0, Math.min(2, words.size()))), List.copyOf(codes));
    }

    private static String affineCategory(DecisionContext context, Candidate candidate) {
        String best = null;
        double bestShare = -1;
        List<String> categories = new ArrayList<>(candidate.offer().scope().categories());
        Product product = candidate.product();
        if (product != null) {
            categories.add(product.category().toLowerCase());
        }
        for (String category : categories) {
            double share = context.facts().categoryAffinity(category);
            if (share > bestShare) {
                best = category;
                bestShare = share;
            }
        }
        if (best == null || bestShare <= 0) {
            return candidate.offer().scope().departments().stream().findFirst().orElse("this");
        }
        return best;
    }
}
