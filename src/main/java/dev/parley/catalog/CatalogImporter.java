package dev.parley.catalog;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads products from CSV (header: sku,name,category,category_path,brand,color,sizes,price,currency,stock,rating,
 * popularity; sizes separated by {@code |}) or from a JSON array of objects with the same fields (sizes as an
 * array). Every bad row is reported with its row number; nothing is imported from a file with bad rows.
 */
@Singleton
public class CatalogImporter {

    private static final List<String> REQUIRED = List.of("sku", "name", "category", "price", "stock");

    public List<Product> readCsv(InputStream input) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            List<Map<String, Object>> all = new ArrayList<>();
            while (rows.hasNext()) {
                all.add(new java.util.HashMap<>(rows.next()));
            }
            return toProducts(all, 2);
        }
    }

    public List<Product> readJson(InputStream input) throws IOException {
        List<Map<String, Object>> rows = new ObjectMapper().readValue(input,
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        return toProducts(rows, 1);
    }

    private List<Product> toProducts(List<Map<String, Object>> rows, int firstRowNumber) {
        List<Product> products = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                products.add(toProduct(rows.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add("row " + (i + firstRowNumber) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogImportException(problems);
        }
        return products;
    }

    private static Product toProduct(Map<String, Object> row) {
        for (String field : REQUIRED) {
            if (text(row, field).isEmpty()) {
                throw new IllegalArgumentException("missing " + field);
            }
        }
        String category = text(row, "category");
        String path = text(row, "category_path");
        try {
            BigDecimal price = new BigDecimal(text(row, "price"));
            int stock = Integer.parseInt(text(row, "stock"));
            if (price.signum() < 0 || stock < 0) {
                throw new IllegalArgumentException("price and stock must not be negative");
            }
            String rating = text(row, "rating");
            String popularity = text(row, "popularity");
            String currency = text(row, "currency");
            return new Product(text(row, "sku"), text(row, "name"), category, path.isEmpty() ? category : path,
                    text(row, "brand"), text(row, "color"), sizes(row.get("sizes")), price,
                    currency.isEmpty() ? "EUR" : currency, stock,
                    rating.isEmpty() ? 0 : Double.parseDouble(rating),
                    popularity.isEmpty() ? 0 : Integer.parseInt(popularity));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }

    private static List<String> sizes(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = value == null ? "" : value.toString().trim();
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\\|")).map(String::trim).toList();
    }

    private static String text(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? "" : value.toString().trim();
    }
}
