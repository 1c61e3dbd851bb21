package dev.parley.offers.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures derived from a profile at one moment: affinity shares (decayed), RFM, lifetime-value estimate, price
 * sensitivity, segment, journey stage. Computed once per decision and read many times while ranking offers.
 */
public final class ProfileFacts {

    private static final long DAY = 86_400_000L;

    private final ShopperProfile profile;
    private final Instant now;
    private final Map<String, Double> categoryShare;
    private final Map<String, Double> departmentShare;
    private final Map<String, Double> brandShare;
    private final Map<String, Double> colorShare;
    private final Set<String> purchasedCategories = new HashSet<>();
    private final double topCategoryShare;
    private final double clv;
    private final double priceSensitivity;
    private final ValueSegment segment;
    private final JourneyStage stage;
    private final List<String> lifeEvents;

    public ProfileFacts(ShopperProfile profile, ProfileSettings settings, Instant now) {
        this.profile = profile;
        this.now = now;
        double halfLife = settings.halfLifeMillis();
        long t = now.toEpochMilli();
        categoryShare = shares(profile.categories, t, halfLife);
        departmentShare = shares(profile.departments, t, halfLife);
        brandShare = shares(profile.brands, t, halfLife);
        colorShare = shares(profile.colors, t, halfLife);
        topCategoryShare = categoryShare.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (RecentItem item : profile.recent) {
            if ("purchase".equals(item.type) && item.category != null) {
                purchasedCategories.add(item.category);
            }
        }
        clv = estimateClv(profile, t);
        priceSensitivity = estimatePriceSensitivity(profile);
        segment = segment(profile, settings, t, clv);
        stage = stage(profile, t, segment);
        lifeEvents = profile.activeLifeEvents(now);
    }

    public static ProfileFacts of(ShopperProfile profile, ProfileSettings settings, Instant now) {
        return new ProfileFacts(profile, settings, now);
    }

    public ShopperProfile profile() {
        return profile;
    }

    public Instant now() {
        return now;
    }

    public boolean isKnown() {
        return !profile.isEmpty();
    }

    /** Share (0..1) of the shopper's decayed interest that goes to this category. */
    public double categoryAffinity(String category) {
        return categoryShare.getOrDefault(category, 0.0);
    }

    /** The category's interest relative to the shopper's favourite category (1 for the favourite, 0..1). */
    public double relativeCategoryAffinity(String category) {
        return topCategoryShare == 0 ? 0 : categoryAffinity(category) / topCategoryShare;
    }

    public double departmentAffinity(String department) {
        return departmentShare.getOrDefault(department, 0.0);
    }

    public double brandAffinity(String brand) {
        return brandShare.getOrDefault(brand, 0.0);
    }

    public boolean boughtCategory(String category) {
        return purchasedCategories.contains(category);
    }

    public List<Map.Entry<String, Double>> topCategories(int n) {
        return top(categoryShare, n);
    }

    public List<Map.Entry<String, Double>> topBrands(int n) {
        return top(brandShare, n);
    }

    public List<Map.Entry<String, Double>> topColors(int n) {
        return top(colorShare, n);
    }

    public List<Map.Entry<String, Double>> topSizes(int n) {
        return top(shares(profile.sizes, now.toEpochMilli(), 30 * DAY), n);
    }

    public double clv() {
        return clv;
    }

    /** 0 (pays full price happily) .. 1 (buys only on discount), shrunk towards 0.5 while evidence is thin. */
    public double priceSensitivity() {
        return priceSensitivity;
    }

    public ValueSegment segment() {
        return segment;
    }

    public JourneyStage stage() {
        return stage;
    }

    public List<String> lifeEvents() {
        return lifeEvents;
    }

    public int recencyDays() {
        return profile.lastPurchase == 0 ? -1 : (int) ((now.toEpochMilli() - profile.lastPurchase) / DAY);
    }

    /** R, F and M scored 1..5 each, as the classic three-digit code, e.g. "545"; "000" without purchases. */
    public String rfmScore() {
        if (profile.purchaseCount == 0) {
            return "000";
        }
        int r = bucket(-recencyDays(), new double[]{-365, -180, -90, -30});
        int f = bucket(profile.purchaseCount, new double[]{2, 3, 5, 10});
        int m = bucket(profile.totalSpent / profile.purchaseCount, new double[]{25, 50, 100, 200});
        return "" + r + f + m;
    }

    private static int bucket(double value, double[] thresholds) {
        int score = 1;
        for (double threshold : thresholds) {
            if (value >= threshold) {
                score++;
            }
        }
        return score;
    }

    /**
     * Spent so far plus the expected spend of the next 12 months: average order x yearly order rate (shrunk
     * towards one a year) x the chance
     * the shopper is still active (decays with the time since the last purchase relative to their usual gap).
     * A heuristic in the spirit of BG/NBD, good enough to scale gestures and gate audiences.
     */
    private static double estimateClv(ShopperProfile profile, long now) {
        if (profile.purchaseCount == 0) {
            return 0;
        }
        double averageOrder = profile.totalSpent / profile.purchaseCount;
        double activeDays = Math.max(30, (profile.lastPurchase - profile.firstPurchase) / (double) DAY);
        // shrunk towards one order a year: a single recent purchase is no evidence of a monthly habit
        double ordersPerYear = Math.min(24, (profile.purchaseCount + 1) / (activeDays / 365.0 + 1));
        double usualGap = profile.purchaseCount > 1 ? activeDays / (profile.purchaseCount - 1) : 90;
        double sinceLast = Math.max(0, (now - profile.lastPurchase) / (double) DAY);
        double alive = Math.exp(-sinceLast / Math.max(60, 2 * usualGap));
        return profile.totalSpent + averageOrder * ordersPerYear * alive;
    }

    private static double estimatePriceSensitivity(ShopperProfile profile) {
        double evidence = profile.priceRatioCount + profile.purchaseCount;
        if (evidence == 0) {
            return 0.5;
        }
        double cheapness = profile.priceRatioCount == 0 ? 0.5
                : clamp(0.5 + 0.8 * (1 - profile.priceRatioSum / profile.priceRatioCount));
        double couponShare = profile.purchaseCount == 0 ? 0.5
                : clamp((double) profile.couponPurchases / profile.purchaseCount);
        double raw = 0.6 * cheapness + 0.4 * couponShare;
        return (evidence * raw + 3 * 0.5) / (evidence + 3);
    }

    private static ValueSegment segment(ShopperProfile profile, ProfileSettings settings, long now, double clv) {
        if (profile.purchaseCount == 0) {
            return ValueSegment.NEW;
        }
        if (now - profile.lastPurchase > settings.lapsedDays() * DAY) {
            return ValueSegment.LAPSED;
        }
        if (clv >= settings.vipClv() || profile.purchaseCount >= 10) {
            return ValueSegment.VIP;
        }
        return profile.purchaseCount >= 3 ? ValueSegment.LOYAL : ValueSegment.OCCASIONAL;
    }

    /** Journey stage from recent events; later stages win when several apply. */
    private static JourneyStage stage(ShopperProfile profile, long now, ValueSegment segment) {
        if (profile.lastSeen == 0) {
            return JourneyStage.NEW;
        }
        if (profile.lastCheckout > 0 && now - profile.lastCheckout < Duration.ofHours(2).toMillis()
                && profile.lastCheckout > profile.lastPurchase) {
            return JourneyStage.CHECKOUT;
        }
        if (!profile.cart.isEmpty() && now - profile.lastCartAdd < 3 * DAY) {
            return JourneyStage.CART;
        }
        if (profile.lastPurchase > 0 && now - profile.lastPurchase < 7 * DAY
                && profile.lastPurchase >= profile.lastBrowse - DAY) {
            return JourneyStage.POST_PURCHASE;
        }
        if (segment == ValueSegment.LAPSED && now - profile.lastSeen > 30 * DAY) {
            return JourneyStage.LAPSED;
        }
        Map<String, Set<String>> viewedByCategory = new HashMap<>();
        for (RecentItem item : profile.recent) {
            if ("view".equals(item.type) && item.category != null && item.sku != null && now - item.at < DAY) {
                viewedByCategory.computeIfAbsent(item.category, c -> new HashSet<>()).add(item.sku);
            }
        }
        if (viewedByCategory.values().stream().anyMatch(skus -> skus.size() >= 3)) {
            return JourneyStage.COMPARING;
        }
        if (segment == ValueSegment.LAPSED) {
            return JourneyStage.LAPSED;
        }
        return JourneyStage.BROWSING;
    }

    private static Map<String, Double> shares(Map<String, Affinity> affinities, long now, double halfLife) {
        if (affinities.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, Double> values = new HashMap<>();
        double total = 0;
        for (Map.Entry<String, Affinity> entry : affinities.entrySet()) {
            double value = entry.getValue().valueAt(now, halfLife);
            values.put(entry.getKey(), value);
            total += value;
        }
        if (total <= 0) {
            return Collections.emptyMap();
        }
        double sum = total;
        values.replaceAll((key, value) -> value / sum);
        return values;
    }

    private static List<Map.Entry<String, Double>> top(Map<String, Double> shares, int n) {
        return shares.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .map(e -> Map.entry(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0))
                .toList();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
