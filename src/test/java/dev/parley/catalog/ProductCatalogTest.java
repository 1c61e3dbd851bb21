package dev.parley.catalog;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProductCatalogTest {

    @Inject
    ProductCatalog catalog;

    @Inject
    CatalogImporter importer;

    @Inject
    ProductRepository repository;

    @Test
    void demoCatalogueIsSeededIntoTheDatabase() {
        assertTrue(catalog.size() >= 250, "size " + catalog.size());
        assertEquals(catalog.size(), repository.findAll().size());
    }

    @Test
    void searchFiltersAndOrdersByPopularity() {
        List<Product> red = catalog.search(new ProductQuery("sneakers", null, null, null, "42", null, true, 0));
        assertTrue(red.stream().allMatch(p -> p.category().equals("sneakers") && p.sizes().contains("42") && p.inStock()));
        for (int i = 1; i < red.size(); i++) {
            assertTrue(red.get(i - 1).popularity() >= red.get(i).popularity());
        }
        assertTrue(catalog.search(new ProductQuery(null, "baby", null, null, null, BigDecimal.ONE, false, 0)).isEmpty());
    }

    @Test
    void importedProductsReplaceBySkuAndPersist() throws Exception {
        String csv = "sku,name,category,category_path,brand,color,sizes,price,currency,stock,rating,popularity\n"
                + "T-1,\"Test Lamp, large\",lamps,home/lamps,Oakline,white,,19.99,EUR,3,4.5,10\n";
        catalog.saveAll(importer.readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertEquals("Test Lamp, large", catalog.find("T-1").orElseThrow().name());
        catalog.updateStock("T-1", 0);
        Product stored = repository.findAll().stream().filter(p -> p.sku().equals("T-1")).findFirst().orElseThrow();
        assertEquals(0, stored.stock());
        assertEquals("home", stored.department());
    }

    @Test
    void badRowsAreReportedWithTheirRowNumbers() {
        String csv = "sku,name,category,price,stock\nA,Lamp,lamps,abc,1\nB,,lamps,1.00,1\nC,Chair,chairs,5.00,2\n";
        CatalogImportException error = assertThrows(CatalogImportException.class,
                () -> importer.readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("row 2: not a number: Character a is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.", "row 3: missing name"),
                error.problems());
    }
}
