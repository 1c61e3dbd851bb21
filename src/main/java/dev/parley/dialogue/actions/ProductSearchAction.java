package dev.parley.dialogue.actions;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * {@code product_search}: in-stock products of a category, optionally by colour, size and brand, most popular first;
 * the top three follow the answer as a second message ({@code product_list}).
 */
@Singleton
class ProductSearchAction extends CatalogAction {

    ProductSearchAction(ProductCatalog catalog) {
        super(catalog);
    }

    @Override
    public String name() {
        return "product_search";
    }

    @Override
    public ActionResult run(ActionContext context) {
        List<Product> matches = catalog.search(ProductSearchFilters.query(context, true));
        Map<String, String> fields = ProductSearchFilters.fields(context, matches);
        return matches.isEmpty() ? ActionResult.respond("no_products_found", fields)
                : ActionResult.of(fields).followedBy("product_list");
    }
}
