package dev.parley.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Filters of a catalogue search; null means "any". Text filters are case-insensitive. */
@Serdeable
public record ProductQuery(@Nullable String category, @Nullable String department, @Nullable String color,
                           @Nullable String brand, @Nullable String size, @Nullable BigDecimal maxPrice,
                           boolean inStockOnly, int limit) {

    public static ProductQuery category(String category) {
        return new ProductQuery(category, null, null, null, null, null, false, 10);
    }

    boolean matches(Product product) {
        return (category == null || category.equalsIgnoreCase(product.category()))
                && (department == null || department.equalsIgnoreCase(product.department()))
                && (color == null || color.equalsIgnoreCase(product.color()))
                && (brand == null || brand.equalsIgnoreCase(product.brand()))
                && (size == null || product.sizes().stream().anyMatch(size::equalsIgnoreCase))
                && (maxPrice == null || product.price().compareTo(maxPrice) <= 0)
                && (!inStockOnly || product.inStock());
    }
}
