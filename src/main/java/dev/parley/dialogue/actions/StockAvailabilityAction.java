package dev.parley.dialogue.actions;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stock_availability}: whether products matching the filters are in stock. {@code product.count} and
 * {@code stock.count}: how many matching products are in stock; of the best in-stock match {@code product.name},
 * {@code product.availability} ("in stock (8 left)", "in stock in size 42"), {@code product.stock},
 * {@code product.sizes}.
 */
@Singleton
class StockAvailabilityAction extends CatalogAction {

    StockAvailabilityAction(ProductCatalog catalog) {
        super(catalog);
    }

    @Override
    public String name() {
        return "stock_availability";
    }

    @Override
    public ActionResult run(ActionContext context) {
        List<Product> all = catalog.search(ProductSearchFilters.query(context, false));
        List<Product> inStock = all.stream().filter(Product::inStock).toList();
        Map<String, String> fields = new LinkedHashMap<>(ProductSearchFilters.fields(context, inStock));
        fields.put("stock.count", Integer.toString(inStock.size()));
        if (all.isEmpty()) {
            return ActionResult.respond("no_products_found", fields);
        }
        if (inStock.isEmpty()) {
            return ActionResult.respond("out_of_stock", fields);
        }
        Product best = inStock.get(0);
        fields.put("product.stock", Integer.toString(best.stock()));
        fields.put("product.sizes", String.join(", ", best.sizes()));
        fields.put("product.availability", context.slot("size") != null ? "in stock in size " + context.slot("size")
                : "in stock (" + best.stock() + " left)");
        return ActionResult.of(fields);
    }
}
