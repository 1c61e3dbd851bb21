package dev.parley.dialogue.actions;

import dev.parley.catalog.ProductCatalog;
import dev.parley.dialogue.DialogueAction;

import java.util.List;
import java.util.Set;

/**
 * An action over the catalogue with the search filters as inputs: a category is required, colour, size and brand
 * are follow-up filters ("and in blue?").
 */
abstract class CatalogAction implements DialogueAction {

    protected final ProductCatalog catalog;

    CatalogAction(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<String> requiredInputs() {
        return List.of(ProductSearchFilters.CATEGORY);
    }

    @Override
    public Set<String> optionalInputs() {
        return ProductSearchFilters.OPTIONAL;
    }
}
