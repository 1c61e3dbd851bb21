package dev.parley.offers.offer;

import dev.parley.catalog.Product;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Which products an offer applies to; all lists empty means the whole shop. Matching is case-insensitive. */
@Serdeable
public record OfferScope(List<String> skus, List<String> categories, List<String> brands, List<String> departments) {

    public OfferScope {
        skus = skus == null ? List.of() : List.copyOf(skus);
        categories = lower(categories);
        brands = lower(brands);
        departments = lower(departments);
    }

    public static OfferScope wholeShop() {
        return new OfferScope(List.of(), List.of(), List.of(), List.of());
    }

    public boolean isWholeShop() {
        return skus.isEmpty() && categories.isEmpty() && brands.isEmpty() && departments.isEmpty();
    }

    public boolean covers(Product product) {
        return isWholeShop()
                || skus.contains(product.sku())
                || categories.contains(product.category().toLowerCase())
                || brands.contains(product.brand().toLowerCase())
                || departments.contains(product.department().toLowerCase());
    }

    /** Whether a category the shopper named (an entity value) is within scope. */
    public boolean mentions(String categoryOrBrand) {
        String value = categoryOrBrand.toLowerCase();
        return categories.contains(value) || brands.contains(value) || departments.contains(value);
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::toLowerCase).toList();
    }
}
