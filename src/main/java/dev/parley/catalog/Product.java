package dev.parley.catalog;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product of the catalogue.
 *
 * @param category     the leaf category as shoppers name it, e.g. {@code sneakers} (matches the {@code category}
 *                     entity's canonical values in intents/)
 * @param categoryPath department and category, e.g. {@code fashion/sneakers}
 * @param sizes        sizes on offer, empty when the product has none
 * @param popularity   relative popularity (sales rank signal) used for cold-start ordering
 */
@Serdeable
public record Product(String sku, String name, String category, String categoryPath, String brand, String color,
                      List<String> sizes, BigDecimal price, String currency, int stock, double rating,
                      int popularity) {

    public Product {
        sizes = List.copyOf(sizes);
    }

    /** The department, the first segment of the category path: fashion, home, baby, sport, electronics. */
    public String department() {
        int slash = categoryPath.indexOf('/');
        return slash < 0 ? categoryPath : categoryPath.substring(0, slash);
    }

    public boolean inStock() {
        return stock > 0;
    }
}
