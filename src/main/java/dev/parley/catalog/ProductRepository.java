package dev.parley.catalog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL for the products table. Plain JDBC: an upsert is not portable through derived queries (MySQL vs H2). */
@Singleton
@Transactional
class ProductRepository {

    private final JdbcOperations jdbc;

    ProductRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> findAll() {
        return jdbc.prepareStatement("SELECT * FROM products ORDER BY sku", statement -> {
            List<Product> products = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    products.add(map(rows));
                }
            }
            return products;
        });
    }

    /** Inserts or replaces each product by sku, in one transaction with the caller. */
    void saveAll(List<Product> products) {
        jdbc.execute(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM products WHERE sku = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO products (sku, name, category, category_path, brand, color, sizes, price,"
                                 + " currency, stock, rating, popularity, updated_at)"
                                 + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (Product product : products) {
                    delete.setString(1, product.sku());
                    delete.addBatch();
                    bind(insert, product, now);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    void updateStock(String sku, int stock) {
        jdbc.prepareStatement("UPDATE products SET stock = ?, updated_at = ? WHERE sku = ?", statement -> {
            statement.setInt(1, stock);
            statement.setTimestamp(2, Timestamp.from(Instant.now()));
            statement.setString(3, sku);
            return statement.executeUpdate();
        });
    }

    private static void bind(PreparedStatement insert, Product product, Timestamp now) throws SQLException {
        insert.setString(1, product.sku());
        insert.setString(2, product.name());
        insert.setString(3, product.category());
        insert.setString(4, product.categoryPath());
        insert.setString(5, product.brand());
        insert.setString(6, product.color());
        insert.setString(7, String.join("|", product.sizes()));
        insert.setBigDecimal(8, product.price());
        insert.setString(9, product.currency());
        insert.setInt(10, product.stock());
        insert.setBigDecimal(11, BigDecimal.valueOf(product.rating()));
        insert.setInt(12, product.popularity());
        insert.setTimestamp(13, now);
    }

    private static Product map(ResultSet row) throws SQLException {
        String sizes = row.getString("sizes");
        return new Product(row.getString("sku"), row.getString("name"), row.getString("category"),
                row.getString("category_path"), row.getString("brand"), row.getString("color"),
                sizes.isEmpty() ? List.of() : Arrays.asList(sizes.split("\\|")), row.getBigDecimal("price"),
                row.getString("currency"), row.getInt("stock"), row.getDouble("rating"), row.getInt("popularity"));
    }
}
