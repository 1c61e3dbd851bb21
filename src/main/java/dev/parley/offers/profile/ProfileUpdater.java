package dev.parley.offers.profile;

import dev.parley.catalog.Product;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one event to a profile: affinities (decayed), recent items, cart, purchases, price sensitivity,
 * demographics, opt-ins, and life events revealed by intents or by what is bought. Pure: no I/O, so the shopper
 * simulator runs the very same code as the service.
 */
public final class ProfileUpdater {

    static final int RECENT_ITEMS = 30;
    private static final int PURCHASED_SKUS = 50;
    private static final Duration LIFE_EVENT_SIGNAL_WINDOW = Duration.ofDays(60);

    private final ProfileSettings settings;

    public ProfileUpdater(ProfileSettings settings) {
        this.settings = settings;
    }

    public ProfileSettings settings() {
        return settings;
    }

    /** @return life events newly detected by this event (already added to the profile) */
    public List<LifeEventRecord> apply(ShopperProfile profile, ShopperEvent event, ProductFacts facts) {
        long at = event.timestamp().toEpochMilli();
        if (profile.firstSeen == 0 || at < profile.firstSeen) {
            profile.firstSeen = at;
        }
        profile.lastSeen = Math.max(profile.lastSeen, at);
        if (event.property("channel") != null) {
            profile.lastChannel = event.property("channel").toLowerCase();
        }
        demographics(profile, event);
        Optional<Product> product = facts.product(event.property("sku"));
        String category = Optional.ofNullable(event.property("category"))
                .or(() -> product.map(Product::category)).map(String::toLowerCase).orElse(null);
        List<LifeEventRecord> detected = new ArrayList<>();
        switch (event.type()) {
            case VIEW -> {
                touch(profile, event, product, category, 1.0);
                remember(profile, event, category);
                priceSignal(profile, event, product, category, facts);
                profile.lastBrowse = Math.max(profile.lastBrowse, at);
            }
            case SEARCH -> {
                touch(profile, event, product, category, 0.5);
                profile.lastBrowse = Math.max(profile.lastBrowse, at);
            }
            case ADD_TO_CART -> {
                touch(profile, event, product, category, 3.0);
                remember(profile, event, category);
                priceSignal(profile, event, product, category, facts);
                if (event.property("sku") != null) {
                    profile.cart.merge(event.property("sku"), quantity(event), Integer::sum);
                }
                profile.lastCartAdd = Math.max(profile.lastCartAdd, at);
                detected.addAll(detectFromPurchases(profile, event.timestamp()));
            }
            case REMOVE_FROM_CART -> {
                touch(profile, event, product, category, -1.0);
                String sku = event.property("sku");
                if (sku != null) {
                    profile.cart.computeIfPresent(sku, (s, qty) -> qty - quantity(event) > 0 ? qty - quantity(event) : null);
                }
            }
            case CHECKOUT -> profile.lastCheckout = Math.max(profile.lastCheckout, at);
            case PURCHASE -> {
                touch(profile, event, product, category, 5.0);
                remember(profile, event, category);
                priceSignal(profile, event, product, category, facts);
                purchase(profile, event, product, at);
                detected.addAll(detectFromPurchases(profile, event.timestamp()));
            }
            case COUPON_REDEEMED -> profile.couponPurchases++;
            case CONVERSATION_TURN -> {
                String intent = event.property("intent");
                if (intent != null) {
                    profile.lastIntent = intent.toLowerCase();
                    String lifeEvent = settings.lifeEventIntents().get(profile.lastIntent);
                    if (lifeEvent != null) {
                        addLifeEvent(profile, lifeEvent, "intent:" + profile.lastIntent, event.timestamp())
                                .ifPresent(detected::add);
                    }
                }
                if (category != null) {
                    touch(profile, event, Optional.empty(), category, 0.5);
                }
            }
            case PREFERENCES -> {
                String reminders = event.property("reminders");
                if (reminders != null) {
                    profile.reminderOptIn = Boolean.parseBoolean(reminders);
                    profile.reminderChannel = Optional.ofNullable(event.property("channel"))
                            .map(String::toLowerCase).orElse(profile.lastChannel);
                }
                String lifeEvent = event.property("life_event");
                if (lifeEvent != null && settings.lifeEventDays().containsKey(canonical(lifeEvent))) {
                    addLifeEvent(profile, lifeEvent, "stated", event.timestamp()).ifPresent(detected::add);
                }
            }
            default -> {
                // offer_shown/accepted/dismissed feed the bandit (via decision ids), not the profile
            }
        }
        return detected;
    }

    /**
     * Adds or refreshes a life event; empty when the profile already had it active (nothing new to store).
     *
     * @throws IllegalArgumentException for a life event that is not configured
     */
    public Optional<LifeEventRecord> addLifeEvent(ShopperProfile profile, String lifeEvent, String source, Instant at) {
        String kind = canonical(lifeEvent);
        Integer days = settings.lifeEventDays().get(kind);
        if (days == null) {
            throw new IllegalArgumentException("unknown life event " + lifeEvent + "; known: "
                    + settings.lifeEventDays().keySet().stream().sorted().toList());
        }
        LifeEventRecord existing = profile.lifeEvents.get(kind);
        if (existing != null && existing.isActiveAt(at)) {
            return Optional.empty();
        }
        LifeEventRecord record = new LifeEventRecord(kind, source, at, at.plus(Duration.ofDays(days)));
        profile.lifeEvents.put(kind, record);
        return Optional.of(record);
    }

    /**
     * The configured life event a name stands for: a known life event as is, or the NLU's intent / entity value
     * for it (expecting_baby -> new_baby, starting_studies -> student) through the life-event-intents mapping.
     */
    public String canonical(String lifeEvent) {
        String name = lifeEvent.trim().toLowerCase();
        return settings.lifeEventDays().containsKey(name) ? name : settings.lifeEventIntents().getOrDefault(name, name);
    }

    private void touch(ShopperProfile profile, ShopperEvent event, Optional<Product> product, String category,
                       double weight) {
        long at = event.timestamp().toEpochMilli();
        double halfLife = settings.halfLifeMillis();
        if (category != null) {
            profile.categories.computeIfAbsent(category, c -> new Affinity()).add(weight, at, halfLife);
        }
        String department = Optional.ofNullable(event.property("department")).or(() -> product.map(Product::department))
                .orElse(null);
        bump(profile.departments, department, weight, at, halfLife);
        bump(profile.brands, Optional.ofNullable(event.property("brand")).or(() -> product.map(Product::brand)).orElse(null),
                weight, at, halfLife);
        bump(profile.colors, Optional.ofNullable(event.property("color")).or(() -> product.map(Product::color)).orElse(null),
                weight, at, halfLife);
        bump(profile.sizes, event.property("size"), weight, at, halfLife);
    }

    private static void bump(Map<String, Affinity> affinities, String key, double weight, long at, double halfLife) {
        if (key != null && !key.isBlank()) {
            affinities.computeIfAbsent(key.toLowerCase(), k -> new Affinity()).add(weight, at, halfLife);
        }
    }

    private static void remember(ShopperProfile profile, ShopperEvent event, String category) {
        String sku = event.property("sku");
        if (sku == null && category == null) {
            return;
        }
        profile.recent.add(new RecentItem(sku, category, event.type().id(), event.timestamp().toEpochMilli()));
        profile.recent.sort((a, b) -> Long.compare(a.at, b.at));
        while (profile.recent.size() > RECENT_ITEMS) {
            profile.recent.remove(0);
        }
    }

    private static void priceSignal(ShopperProfile profile, ShopperEvent event, Optional<Product> product,
                                    String category, ProductFacts facts) {
        double price = event.number("price", product.map(p -> p.price().doubleValue()).orElse(Double.NaN));
        Optional<Double> median = facts.medianPrice(category);
        if (!Double.isNaN(price) && price > 0 && median.isPresent() && median.get() > 0) {
            profile.priceRatioSum += Math.min(3.0, price / median.get());
            profile.priceRatioCount++;
        }
    }

    private static void purchase(ShopperProfile profile, ShopperEvent event, Optional<Product> product, long at) {
        double amount = event.number("amount",
                event.number("price", product.map(p -> p.price().doubleValue()).orElse(0.0)) * quantity(event));
        profile.purchaseCount++;
        profile.totalSpent += Math.max(0, amount);
        if (profile.firstPurchase == 0 || at < profile.firstPurchase) {
            profile.firstPurchase = at;
        }
        profile.lastPurchase = Math.max(profile.lastPurchase, at);
        if (event.property("coupon") != null) {
            profile.couponPurchases++;
        }
        String sku = event.property("sku");
        if (sku != null) {
            profile.cart.remove(sku);
            profile.purchasedSkus.remove(sku);
            profile.purchasedSkus.add(sku);
            while (profile.purchasedSkus.size() > PURCHASED_SKUS) {
                profile.purchasedSkus.remove(0);
            }
        }
    }

    private List<LifeEventRecord> detectFromPurchases(ShopperProfile profile, Instant now) {
        long since = now.minus(LIFE_EVENT_SIGNAL_WINDOW).toEpochMilli();
        Set<String> signalled = new HashSet<>();
        for (RecentItem item : profile.recent) {
            if (item.at >= since && item.category != null
                    && (item.type.equals("purchase") || item.type.equals("add_to_cart"))) {
                signalled.add(item.category);
            }
        }
        List<LifeEventRecord> detected = new ArrayList<>();
        settings.lifeEventCategories().forEach((lifeEvent, categories) -> {
            long hits = categories.stream().map(String::toLowerCase).filter(signalled::contains).count();
            if (hits >= settings.lifeEventMinSignals() && settings.lifeEventDays().containsKey(lifeEvent)) {
                addLifeEvent(profile, lifeEvent, "purchases", now).ifPresent(detected::add);
            }
        });
        return detected;
    }

    private static void demographics(ShopperProfile profile, ShopperEvent event) {
        if (event.property("age_band") != null) {
            profile.ageBand = event.property("age_band").toLowerCase();
        }
        if (event.property("region") != null) {
            profile.region = event.property("region").toLowerCase();
        }
        if (event.property("location") != null) {
            profile.location = event.property("location");
        }
    }

    private static int quantity(ShopperEvent event) {
        return (int) Math.max(1, event.number("quantity", 1));
    }
}
