package dev.parley.dialogue.actions;

import dev.parley.catalog.ProductCatalog;
import jakarta.inject.Singleton;

/** {@code price_check}: {@code product.name} and {@code product.price} of the product meant. */
@Singleton
class PriceCheckAction extends ProductLookupAction {

    PriceCheckAction(ProductCatalog catalog) {
        super(catalog);
    }

    @Override
    public String name() {
        return "price_check";
    }
}
