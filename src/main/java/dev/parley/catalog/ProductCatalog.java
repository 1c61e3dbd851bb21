package dev.parley.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue other features use. Reads are served from an in-memory snapshot (a catalogue of thousands fits
 * easily, and offer decisions must take well under 10 ms); writes go to the database first, then the snapshot.
 */
@Singleton
public class ProductCatalog {

    private final ProductRepository repository;
    private volatile Map<String, Product> snapshot;

    ProductCatalog(ProductRepository repository) {
        this.repository = repository;
    }

    public Optional<Product> find(String sku) {
        return Optional.ofNullable(products().get(sku));
    }

    /** Matching products, most popular first. */
    public List<Product> search(ProductQuery query) {
        return products().values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparingInt(Product::popularity).reversed())
                .limit(query.limit() <= 0 ? Long.MAX_VALUE : query.limit())
                .toList();
    }

    public Collection<Product> all() {
        return products().values();
    }

    public int size() {
        return products().size();
    }

    @Transactional
    public void saveAll(List<Product> products) {
        repository.saveAll(products);
        Map<String, Product> updated = new LinkedHashMap<>(products());
        products.forEach(product -> updated.put(product.sku(), product));
        snapshot = updated;
    }

    @Transactional
    public void updateStock(String sku, int stock) {
        Product product = find(sku).orElseThrow(() -> new IllegalArgumentException("unknown sku " + sku));
        repository.updateStock(sku, stock);
        Map<String, Product> updated = new LinkedHashMap<>(products());
        updated.put(sku, new Product(product.sku(), product.name(), product.category(), product.categoryPath(),
                product.brand(), product.color(), product.sizes(), product.price(), product.currency(), stock,
                product.rating(), product.popularity()));
        snapshot = updated;
    }

    private Map<String, Product> products() {
        Map<String, Product> current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    Map<String, Product> loaded = new LinkedHashMap<>();
                    repository.findAll().forEach(product -> loaded.put(product.sku(), product));
                    snapshot = loaded;
                }
                current = snapshot;
            }
        }
        return current;
    }
}
