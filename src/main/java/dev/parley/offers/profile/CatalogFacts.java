package dev.parley.offers.profile;

import dev.parley.catalog.ProductCatalog;
import jakarta.inject.Singleton;

/**
 * The current {@link ProductFacts} of the catalogue, rebuilt at most every 30 seconds (stock and new products
 * show up quickly enough; a decision never pays for a rebuild of hundreds of products).
 */
@Singleton
public class CatalogFacts {

    private static final long REBUILD_MILLIS = 30_000;

    private final ProductCatalog catalog;
    private volatile ProductFacts facts;
    private volatile long builtAt;

    CatalogFacts(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    public ProductFacts current() {
        long now = System.currentTimeMillis();
        ProductFacts current = facts;
        if (current == null || now - builtAt > REBUILD_MILLIS) {
            current = new ProductFacts(catalog.all());
            facts = current;
            builtAt = now;
        }
        return current;
    }

    /** Forces the next read to rebuild (after a catalogue import, or in tests after stock changes). */
    public void refresh() {
        facts = null;
    }
}
