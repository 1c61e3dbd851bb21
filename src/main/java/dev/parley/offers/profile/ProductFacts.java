package dev.parley.offers.profile;

import dev.parley.catalog.Product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue facts profiles are derived with: a product by sku and the median price of each category (the
 * yardstick of price sensitivity). An immutable snapshot; the engine takes a new one when the catalogue grows.
 */
public final class ProductFacts {

    private final Map<String, Product> bySku = new HashMap<>();
    private final Map<String, Double> medianPrice = new HashMap<>();
    private final Map<String, List<Product>> byCategory = new HashMap<>();

    public ProductFacts(Collection<Product> products) {
        Map<String, List<Double>> prices = new HashMap<>();
        for (Product product : products) {
            bySku.put(product.sku(), product);
            String category = product.category().toLowerCase();
            prices.computeIfAbsent(category, c -> new ArrayList<>()).add(product.price().doubleValue());
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(product);
        }
        prices.forEach((category, list) -> {
            list.sort(Double::compare);
            int n = list.size();
            medianPrice.put(category, n % 2 == 1 ? list.get(n / 2) : (list.get(n / 2 - 1) + list.get(n / 2)) / 2);
        });
    }

    public Optional<Product> product(String sku) {
        return Optional.ofNullable(sku == null ? null : bySku.get(sku));
    }

    public Optional<Double> medianPrice(String category) {
        return Optional.ofNullable(category == null ? null : medianPrice.get(category.toLowerCase()));
    }

    public List<Product> inCategory(String category) {
        return byCategory.getOrDefault(category.toLowerCase(), List.of());
    }

    public Collection<Product> all() {
        return bySku.values();
    }

    public int size() {
        return bySku.size();
    }
}
