package dev.parley.catalog;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Fills an empty catalogue with the demo shop's products, so the demo answers from real rows. */
@Singleton
@Requires(property = "parley.catalog.seed-demo", value = "true", defaultValue = "true")
class DemoCatalogSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogSeeder.class);
    static final String DEMO_CATALOGUE = "/catalog/demo-products.csv";

    private final ProductCatalog catalog;
    private final CatalogImporter importer;

    DemoCatalogSeeder(ProductCatalog catalog, CatalogImporter importer) {
        this.catalog = catalog;
        this.importer = importer;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (catalog.size() > 0) {
            return;
        }
        try (InputStream csv = DemoCatalogSeeder.class.getResourceAsStream(DEMO_CATALOGUE)) {
            catalog.saveAll(importer.readCsv(csv));
            LOG.info("Seeded the demo catalogue with {} products", catalog.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
