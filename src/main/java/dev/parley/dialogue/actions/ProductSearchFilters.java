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

    /**
     * {@code search.description}, {@code search.count} and {@code product.count} (how many match),
     * {@code products} (the top three, one numbered line each, with prices), and of the best match
     * {@code product.name / .price / .sku / .brand / .color / .details}.
     */
    static Map<String, String> fields(ActionContext context, List<Product> matches) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("search.description", describe(context));
        fields.put("search.count", Integer.toString(matches.size()));
        fields.put("product.count", Integer.toString(matches.size()));
        if (!matches.isEmpty()) {
            List<Product> top = matches.stream().limit(3).toList();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < top.size(); i++) {
                Product product = top.get(i);
                lines.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(product.name()).append(", ")
                        .append(OrderFields.money(product.price(), product.currency()));
            }
            fields.put("products", lines.toString());
            Product best = matches.get(0);
            fields.put("product.name", best.name());
            fields.put("product.price", OrderFields.money(best.price(), best.currency()));
            fields.put("product.sku", best.sku());
            fields.put("product.brand", best.brand());
            fields.put("product.color", best.color());
            fields.put("product.details", details(best));
        }
        return fields;
    }

    /** "A black sneaker by Northpeak, sizes 36-46, rated 3.4 out of 5, 76.99 EUR; 8 in stock." */
    static String details(Product product) {
        String sizes = product.sizes().isEmpty() ? ""
                : product.sizes().size() == 1 ? ", size " + product.sizes().get(0)
                : ", sizes " + product.sizes().get(0) + "-" + product.sizes().get(product.sizes().size() - 1);
        String stock = product.inStock() ? product.stock() + " in stock" : "out of stock";
        return "A " + product.color() + " " + product.category().replaceAll("s$", "") + " by " + product.brand()
                + sizes + ", rated " + product.rating() + " out of 5, "
                + OrderFields.money(product.price(), product.currency()) + "; " + stock + ".";
    }
}
