package dev.parley.offers.pricing;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.events.ShopperEventObserver;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Demand-based pricing: views and carts over a sliding window against stock move a multiplier per category (or
 * product) within [floor, cap], smoothly, every change audited. The price depends on the product and the moment
 * only: this class takes no shopper and no device signal, so the same moment gives every shopper the same price.
 */
@Singleton
public class DemandPricing implements ShopperEventObserver {

    private static final Logger LOG = LoggerFactory.getLogger(DemandPricing.class);

    private final PricingSettings settings;
    private final PricingRepository repository;
    private final ProductCatalog catalog;
    private final DemandWindow window;
    private final Map<String, PriceMultiplier> multipliers = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    DemandPricing(PricingSettings settings, PricingRepository repository, ProductCatalog catalog) {
        this.settings = settings;
        this.repository = repository;
        this.catalog = catalog;
        this.window = new DemandWindow(settings.windowMinutes());
    }

    @Override
    public void onEvents(List<ShopperEvent> events) {
        for (ShopperEvent event : events) {
            double weight = event.type() == EventType.VIEW ? settings.viewWeight()
                    : event.type() == EventType.ADD_TO_CART ? settings.cartWeight() : 0;
            if (weight > 0) {
                keyOf(event).ifPresent(key -> window.add(key, weight, event.timestamp().toEpochMilli()));
            }
        }
    }

    /** The multiplier applied to this product now (1.0 when pricing is off or there was no signal). */
    public double multiplier(Product product) {
        if (!settings.enabled()) {
            return 1.0;
        }
        ensureLoaded();
        PriceMultiplier current = multipliers.get(key(product));
        return current == null ? 1.0 : current.multiplier();
    }

    /** The current price of a product: catalogue price times its multiplier, to the cent. */
    public BigDecimal price(Product product) {
        return product.price().multiply(BigDecimal.valueOf(multiplier(product))).setScale(2, RoundingMode.HALF_UP);
    }

    public List<PriceMultiplier> multipliers() {
        ensureLoaded();
        return multipliers.values().stream().sorted(Comparator.comparing(PriceMultiplier::key)).toList();
    }

    public List<PriceChange> audit(String key, int limit) {
        return repository.changes(key, limit);
    }

    public PricingSettings settings() {
        return settings;
    }

    @Scheduled(fixedDelay = "${parley.offers.pricing.update-interval:1m}", initialDelay = "30s")
    void scheduledRecompute() {
        if (settings.enabled()) {
            recompute(Instant.now());
        }
    }

    /** Moves every multiplier one smoothed step towards its demand target; returns the changes made. */
    @Transactional
    public List<PriceChange> recompute(Instant now) {
        ensureLoaded();
        Map<String, Integer> stock = new HashMap<>();
        for (Product product : catalog.all()) {
            stock.merge(key(product), product.stock(), Integer::sum);
        }
        List<String> keys = new ArrayList<>(stock.keySet());
        List<PriceChange> changes = new ArrayList<>();
        for (String key : keys) {
            double[] demand = window.total(key, now.toEpochMilli());
            PriceMultiplier current = multipliers.get(key);
            double old = current == null ? 1.0 : current.multiplier();
            double target = MultiplierRule.target(demand[0], (int) demand[1], stock.get(key), settings);
            double next = MultiplierRule.next(old, target, settings);
            if (Math.abs(next - old) >= 0.0001) {
                PriceChange change = new PriceChange(0, settings.scope(), key, old, next, target, demand[0],
                        stock.get(key), now);
                repository.save(change);
                multipliers.put(key, new PriceMultiplier(settings.scope(), key, next, now));
                changes.add(change);
            }
        }
        if (!changes.isEmpty()) {
            LOG.info("Pricing: {} multiplier(s) changed", changes.size());
        }
        return changes;
    }

    private Optional<String> keyOf(ShopperEvent event) {
        Optional<Product> product = catalog.find(event.property("sku") == null ? "" : event.property("sku"));
        if (product.isPresent()) {
            return Optional.of(key(product.get()));
        }
        String category = event.property("category");
        return settings.scope().equals("category") && category != null
                ? Optional.of(category.toLowerCase()) : Optional.empty();
    }

    private String key(Product product) {
        return settings.scope().equals("product") ? product.sku() : product.category().toLowerCase();
    }

    private void ensureLoaded() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    repository.findAll().stream().filter(m -> m.scope().equals(settings.scope()))
                            .forEach(m -> multipliers.put(m.key(), m));
                    loaded = true;
                }
            }
        }
    }
}
