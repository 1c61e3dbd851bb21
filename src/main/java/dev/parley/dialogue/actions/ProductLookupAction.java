package dev.parley.dialogue.actions;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;

import java.util.List;
import java.util.Set;

/**
 * An action about one product: the best match of the filters given ({@code category}, {@code brand},
 * {@code color}, {@code size}), or of the last search when the message names none ("how much is it?"). Nothing to
 * go on: no fields, so the intent's response that asks which product is said, and a category is waited for.
 */
abstract class ProductLookupAction extends CatalogAction {

    private static final Set<String> FILTERS = Set.of(ProductSearchFilters.CATEGORY, "color", "size", "brand");

    ProductLookupAction(ProductCatalog catalog) {
        super(catalog);
    }

    @Override
    public List<String> requiredInputs() {
        return List.of();
    }

    @Override
    public Set<String> optionalInputs() {
        return FILTERS;
    }

    @Override
    public ActionResult run(ActionContext context) {
        if (FILTERS.stream().noneMatch(filter -> context.slot(filter) != null)) {
            return ActionResult.awaiting(ProductSearchFilters.CATEGORY, java.util.Map.of());
        }
        List<Product> matches = catalog.search(ProductSearchFilters.query(context, false));
        return matches.isEmpty() ? ActionResult.respond("no_products_found", ProductSearchFilters.fields(context,
                matches)) : ActionResult.of(ProductSearchFilters.fields(context, matches));
    }
}
