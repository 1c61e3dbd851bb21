package dev.parley.offers.evaluation;

import dev.parley.catalog.Product;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.offer.DiscountType;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.profile.JourneyStage;
import dev.parley.offers.profile.ProductFacts;
import dev.parley.offers.profile.ProfileUpdater;
import dev.parley.offers.profile.ShopperProfile;
import dev.parley.offers.triggers.WeatherReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated shop: shoppers with hidden tastes, life events and journeys, who browse, fill carts and buy
 * (events fed through the real {@link ProfileUpdater}), and click an offer with a probability the engine does
 * not know. The click model is logistic in the shopper's hidden taste for the offer's products, a matching life
 * event, rain for weather offers, journey stage x offer type, price sensitivity x discount depth, what they asked
 * for, and a hidden per-offer quality. Seeded: the same seed gives the same world.
 */
final class ShopperWorld {

    /** One moment the engine is asked for an offer. */
    record Session(SimulatedShopper shopper, JourneyStage intendedStage, String intent, Map<String, String> entities,
                   List<Product> cart, WeatherReport weather, Instant now) {
    }

    private static final Map<String, List<String>> LIFE_EVENT_CATEGORIES = Map.of(
            "moving_home", List.of("sofas", "rugs", "moving boxes", "lamps", "storage boxes", "desks"),
            "new_baby", List.of("strollers", "diapers", "cribs", "car seats", "baby clothes", "baby monitors"),
            "student", List.of("laptops", "headphones", "tablets", "desks", "desk lamps"),
            "wedding", List.of("cookware", "bedding", "dresses"));
    private static final List<String> LIFE_EVENTS = List.of("moving_home", "new_baby", "student", "wedding");

    private final SplittableRandom random;
    private final ProductFacts products;
    private final List<String> categories;
    private final List<Offer> offers;
    private final Map<String, Double> quality = new HashMap<>();
    private final ProfileUpdater updater;
    private final List<SimulatedShopper> shoppers = new ArrayList<>();
    private final Map<String, List<Product>> byCategory = new HashMap<>();
    private Instant clock = Instant.parse("2026-03-01T08:00:00Z");
    private long eventSeq;

    ShopperWorld(List<Product> catalogue, List<Offer> offers, ProfileUpdater updater, int shopperCount, long seed) {
        this.random = new SplittableRandom(seed);
        this.products = new ProductFacts(catalogue);
        this.offers = offers.stream().filter(o -> !o.isRecoveryGesture()).toList();
        this.updater = updater;
        for (Product product : catalogue) {
            byCategory.computeIfAbsent(product.category().toLowerCase(), c -> new ArrayList<>()).add(product);
        }
        this.categories = byCategory.keySet().stream().sorted().toList();
        for (Offer offer : this.offers) {
            quality.put(offer.id(), gaussian() * 0.35);
        }
        for (int i = 0; i < shopperCount; i++) {
            shoppers.add(newShopper("sim-" + i));
        }
    }

    List<Offer> offers() {
        return offers;
    }

    ProductFacts products() {
        return products;
    }

    Instant clock() {
        return clock;
    }

    /** Advances time, picks a shopper, plays their events up to this moment and returns the decision context. */
    Session nextSession() {
        clock = clock.plus(Duration.ofSeconds(45));
        SimulatedShopper shopper = shoppers.get(random.nextInt(shoppers.size()));
        double roll = random.nextDouble();
        JourneyStage stage = roll < 0.40 ? JourneyStage.BROWSING : roll < 0.55 ? JourneyStage.COMPARING
                : roll < 0.80 ? JourneyStage.CART : JourneyStage.POST_PURCHASE;
        String category = pickCategory(shopper);
        List<Product> cart = new ArrayList<>();
        switch (stage) {
            case BROWSING -> {
                view(shopper, category, clock.minusSeconds(120));
                if (random.nextDouble() < 0.5) {
                    view(shopper, pickCategory(shopper), clock.minusSeconds(60));
                }
            }
            case COMPARING -> {
                for (int i = 0; i < 3; i++) {
                    view(shopper, category, clock.minusSeconds(300 - i * 60L));
                }
            }
            case CART -> {
                Product product = view(shopper, category, clock.minusSeconds(200));
                if (product != null) {
                    emit(shopper, EventType.ADD_TO_CART, clock.minusSeconds(100), productProps(product));
                    cart.add(product);
                }
            }
            default -> {
                Product product = view(shopper, category, clock.minusSeconds(900));
                if (product != null) {
                    Map<String, String> props = productProps(product);
                    props.put("amount", product.price().toPlainString());
                    emit(shopper, EventType.PURCHASE, clock.minusSeconds(600), props);
                }
            }
        }
        if (shopper.lifeEvent() != null && shopper.revealsLifeEvent() && random.nextDouble() < 0.3) {
            Map<String, String> props = new HashMap<>();
            props.put("intent", shopper.lifeEvent().equals("student") ? "student_discount" : shopper.lifeEvent());
            emit(shopper, EventType.CONVERSATION_TURN, clock.minusSeconds(30), props);
        }
        double intentRoll = random.nextDouble();
        String intent;
        Map<String, String> entities = new LinkedHashMap<>();
        if (stage == JourneyStage.CART) {
            intent = "cart_question";
        } else if (intentRoll < 0.15) {
            intent = "deals";
        } else if (intentRoll < 0.75) {
            intent = "product_search";
            entities.put("category", category);
        } else {
            intent = null;
        }
        WeatherReport weather = new WeatherReport("Simcity", random.nextDouble() < 0.25 ? "rain" : "clear", null);
        return new Session(shopper, stage, intent, entities, cart, weather, clock);
    }

    /** The true click probability; what the oracle knows and nobody else does. */
    double clickProbability(Session session, Offer offer) {
        SimulatedShopper shopper = session.shopper();
        double taste = 0;
        if (offer.scope().isWholeShop()) {
            taste = 0.3;
        } else {
            for (String category : categories) {
                if (covers(offer, category)) {
                    taste = Math.max(taste, shopper.preference(category));
                }
            }
            if (offer.scope().brands().contains(shopper.favouriteBrand().toLowerCase())) {
                taste = Math.max(taste, 0.6);
            }
        }
        double logit = -3.6 + 2.8 * taste + quality.get(offer.id());
        if (shopper.lifeEvent() != null && offer.audience().lifeEvents().contains(shopper.lifeEvent())) {
            logit += 1.6;
        }
        if (session.weather().isWet() && offer.audience().weather().contains("rain")) {
            logit += 1.5;
        }
        String asked = session.entities().get("category");
        if (asked != null && covers(offer, asked)) {
            logit += 0.8;
        }
        DiscountType type = offer.discount().type();
        logit += switch (session.intendedStage()) {
            case CART -> type == DiscountType.FREE_SHIPPING ? 1.4 : offer.scope().isWholeShop() ? 0.7 : 0;
            case COMPARING -> type == DiscountType.PERCENT && !offer.scope().isWholeShop() ? 0.5 : 0;
            case BROWSING -> offer.hasTag("bestseller") ? 0.5 : 0;
            case POST_PURCHASE -> offer.hasTag("cross_sell") ? 0.8 : 0;
            default -> 0;
        };
        if ("deals".equals(session.intent())) {
            logit += 0.4;
        }
        logit += 2.2 * shopper.priceSensitivity() * offer.discount().depth(null);
        return 1 / (1 + Math.exp(-logit));
    }

    private boolean covers(Offer offer, String category) {
        List<Product> inCategory = byCategory.getOrDefault(category, List.of());
        return offer.scope().categories().contains(category)
                || !inCategory.isEmpty() && offer.scope().departments().contains(inCategory.get(0).department().toLowerCase());
    }

    private SimulatedShopper newShopper(String id) {
        String lifeEvent = random.nextDouble() < 0.3 ? LIFE_EVENTS.get(random.nextInt(LIFE_EVENTS.size())) : null;
        Map<String, Double> preferences = new HashMap<>();
        double[] weights = {1.0, 0.7, 0.45, 0.25};
        for (double weight : weights) {
            String category;
            if (lifeEvent != null && weight >= 0.7) {
                List<String> fitting = LIFE_EVENT_CATEGORIES.get(lifeEvent);
                category = fitting.get(random.nextInt(fitting.size()));
            } else {
                category = categories.get(random.nextInt(categories.size()));
            }
            preferences.merge(category, weight, Math::max);
        }
        String top = preferences.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Product> topProducts = byCategory.get(top);
        String brand = topProducts.get(random.nextInt(topProducts.size())).brand();
        SimulatedShopper shopper = new SimulatedShopper(id, preferences, brand, random.nextDouble(), lifeEvent,
                random.nextDouble() < 0.7, 0.05 + 0.2 * random.nextDouble(), new ShopperProfile(id));
        if (random.nextDouble() < 0.8) {
            history(shopper);
        }
        return shopper;
    }

    /** A few weeks of earlier visits, so most shoppers are known when the simulation starts. */
    private void history(SimulatedShopper shopper) {
        int visits = 2 + random.nextInt(8);
        for (int v = 0; v < visits; v++) {
            Instant at = clock.minus(Duration.ofHours(1 + random.nextInt(24 * 90)));
            Product product = view(shopper, pickCategory(shopper), at);
            if (product != null && random.nextDouble() < shopper.buyRate() * 3) {
                Map<String, String> props = productProps(product);
                props.put("amount", product.price().toPlainString());
                emit(shopper, EventType.PURCHASE, at.plusSeconds(300), props);
            }
        }
    }

    private String pickCategory(SimulatedShopper shopper) {
        if (random.nextDouble() < 0.15) {
            return categories.get(random.nextInt(categories.size()));
        }
        double total = shopper.preferences().values().stream().mapToDouble(Double::doubleValue).sum();
        double roll = random.nextDouble() * total;
        for (Map.Entry<String, Double> entry : shopper.preferences().entrySet()) {
            roll -= entry.getValue();
            if (roll <= 0) {
                return entry.getKey();
            }
        }
        return shopper.preferences().keySet().iterator().next();
    }

    private Product view(SimulatedShopper shopper, String category, Instant at) {
        List<Product> inCategory = byCategory.get(category);
        if (inCategory == null || inCategory.isEmpty()) {
            return null;
        }
        Product product = inCategory.get(random.nextInt(inCategory.size()));
        emit(shopper, EventType.VIEW, at, productProps(product));
        return product;
    }

    private Map<String, String> productProps(Product product) {
        Map<String, String> props = new HashMap<>();
        props.put("sku", product.sku());
        return props;
    }

    private void emit(SimulatedShopper shopper, EventType type, Instant at, Map<String, String> properties) {
        ShopperEvent event = new ShopperEvent("sim-e" + (eventSeq++), shopper.id(), type, at, properties);
        updater.apply(shopper.profile(), event, products);
    }

    private double gaussian() {
        double u = Math.max(1e-12, random.nextDouble());
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    SplittableRandom random() {
        return random;
    }
}
