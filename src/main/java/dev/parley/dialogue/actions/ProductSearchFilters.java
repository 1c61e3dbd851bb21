package dev.parley.dialogue.actions;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductQuery;
import dev.parley.dialogue.ActionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue filters the product actions read from slots ({@code category}, {@code color}, {@code size},
 * {@code brand}), and how results read as placeholders.
 */
final class ProductSearchFilters {

    static final String CATEGORY = "category";
    static final Set<String> OPTIONAL = Set.of("color", "size", "brand");

    private ProductSearchFilters() {
    }

    static ProductQuery query(ActionContext context, boolean inStockOnly) {
        return new ProductQuery(context.slot(CATEGORY), null, context.slot("color"), context.slot("brand"),
                context.slot("size"), null, inStockOnly, 0);
    }

    /** "Northpeak blue sneakers in size 42". */
    static String describe(ActionContext context) {
        List<String> words = new ArrayList<>();
        for (String slot : List.of("brand", "color", CATEGORY)) {
            if (context.slot(slot) != null) {
                words.add(context.slot(slot));
            }
        }
        String description = String.join(" ", words);
        return context.slot("size") == null ? description : description + " in size " + context.slot("size");
    }

    /** {@code search.description}, {@code search.count}, {@code products} (the top three with prices), and
     * {@code product.name / .price / .sku / .brand / .color} of the best match. */
    static Map<String, String> fields(ActionContext context, List<Product> matches) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("search.description", describe(context));
        fields.put("search.count", Integer.toString(matches.size()));
        if (!matches.isEmpty()) {
            List<String> top = matches.stream().limit(3)
                    .map(p -> p.name() + " (" + OrderFields.money(p.price(), p.currency()) + ")").toList();
            fields.put("products", String.join(", ", top));
            Product best = matches.get(0);
            fields.put("product.name", best.name());
            fields.put("product.price", OrderFields.money(best.price(), best.currency()));
            fields.put("product.sku", best.sku());
            fields.put("product.brand", best.brand());
            fields.put("product.color", best.color());
        }
        return fields;
    }
}
