package dev.parley.offers.decision;

import dev.parley.catalog.Product;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.profile.ProductFacts;
import io.micronaut.core.annotation.Nullable;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-stock products each offer can be shown with, most popular first; built once per catalogue and offer
 * snapshot so a decision only looks them up. The featured product prefers what the shopper asked for.
 */
public final class OfferInventory {

    private final Map<String, List<Product>> productsByOffer = new HashMap<>();

    public OfferInventory(List<Offer> offers, ProductFacts facts) {
        for (Offer offer : offers) {
            if (offer.scope().isWholeShop()) {
                continue;
            }
            productsByOffer.put(offer.id(), facts.all().stream()
                    .filter(Product::inStock)
                    .filter(offer.scope()::covers)
                    .sorted(Comparator.comparingInt(Product::popularity).reversed().thenComparing(Product::sku))
                    .limit(50)
                    .toList());
        }
    }

    /** The product to show the offer with; null when it has none in stock (or is a whole-shop offer). */
    @Nullable
    public Product featured(Offer offer, Map<String, String> entities) {
        List<Product> products = productsByOffer.get(offer.id());
        if (products == null || products.isEmpty()) {
            return null;
        }
        String category = entities.get("category");
        String color = entities.get("color");
        String brand = entities.get("brand");
        Product best = products.get(0);
        if (category == null && color == null && brand == null) {
            return best;
        }
        int bestMatch = -1;
        for (Product product : products) {
            int match = (category != null && category.equalsIgnoreCase(product.category()) ? 4 : 0)
                    + (brand != null && brand.equalsIgnoreCase(product.brand()) ? 2 : 0)
                    + (color != null && color.equalsIgnoreCase(product.color()) ? 1 : 0);
            if (match > bestMatch) {
                best = product;
                bestMatch = match;
            }
        }
        return best;
    }
}
