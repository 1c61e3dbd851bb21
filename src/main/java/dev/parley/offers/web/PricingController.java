package dev.parley.offers.web;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.offers.pricing.DemandPricing;
import dev.parley.offers.pricing.PriceChange;
import dev.parley.offers.pricing.PriceMultiplier;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Demand-based pricing: current multipliers, a product's current price, the audit log of changes. */
@Controller("/api/pricing")
public class PricingController {

    @Serdeable
    public record ProductPrice(String sku, BigDecimal basePrice, double multiplier, BigDecimal price, String currency) {
    }

    private final DemandPricing pricing;
    private final ProductCatalog catalog;

    PricingController(DemandPricing pricing, ProductCatalog catalog) {
        this.pricing = pricing;
        this.catalog = catalog;
    }

    @Get("/multipliers")
    public List<PriceMultiplier> multipliers() {
        return pricing.multipliers();
    }

    @Get("/products/{sku}")
    public ProductPrice price(String sku) {
        Product product = catalog.find(sku).orElseThrow(() -> ApiException.notFound("product_not_found", "no product " + sku));
        return new ProductPrice(sku, product.price(), pricing.multiplier(product), pricing.price(product), product.currency());
    }

    /** Newest first; {@code key} is a category (or sku with product scope). */
    @Get("/changes")
    public List<PriceChange> changes(@QueryValue @Nullable String key, @QueryValue @Nullable Integer limit) {
        return pricing.audit(key, limit == null ? 100 : limit);
    }

    /** Runs one update now rather than waiting for the schedule (operations, demos). */
    @Post("/recompute")
    public List<PriceChange> recompute() {
        return pricing.recompute(Instant.now());
    }
}
