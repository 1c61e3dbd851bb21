package dev.parley.dialogue.actions;

import dev.parley.catalog.ProductCatalog;
import jakarta.inject.Singleton;

/** {@code product_details}: {@code product.name} and {@code product.details} of the product meant. */
@Singleton
class ProductDetailsAction extends ProductLookupAction {

    ProductDetailsAction(ProductCatalog catalog) {
        super(catalog);
    }

    @Override
    public String name() {
        return "product_details";
    }
}
