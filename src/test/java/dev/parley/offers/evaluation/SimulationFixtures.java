package dev.parley.offers.evaluation;

import dev.parley.catalog.CatalogImporter;
import dev.parley.catalog.Product;

import java.io.InputStream;
import java.util.List;

/** The demo catalogue read straight from the classpath: simulations need no database. */
final class SimulationFixtures {

    private SimulationFixtures() {
    }

    static List<Product> catalogue() throws Exception {
        try (InputStream csv = SimulationFixtures.class.getResourceAsStream("/catalog/demo-products.csv")) {
            return new CatalogImporter().readCsv(csv);
        }
    }
}
