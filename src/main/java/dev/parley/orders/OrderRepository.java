package dev.parley.orders;

import dev.parley.storage.UtcColumns;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for the orders table. */
@Singleton
@Transactional
class OrderRepository {

    private static final String COLUMNS = "order_number, customer_id, status, items, total, currency, carrier,"
            + " tracking_number, tracking_url, shipping_address, placed_at, estimated_delivery, delivered_at,"
            + " refund_status, refund_amount, refund_expected, updated_at";

    private final JdbcOperations jdbc;

    OrderRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Order> find(String number) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE order_number = ?", statement -> {
            statement.setString(1, number);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        });
    }

    int count() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM orders", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    void insertAll(List<Order> orders) {
        jdbc.prepareStatement("INSERT INTO orders (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)", statement -> {
            for (Order order : orders) {
                bind(statement, order);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /**
     * Cancels only while the order is still changeable (the WHERE clause makes a race lose cleanly) and requests
     * the refund of the total, expected back by {@code refundBy}.
     */
    boolean cancel(String number, java.time.LocalDate refundBy) {
        return jdbc.prepareStatement("UPDATE orders SET status = 'cancelled', refund_status = 'requested',"
                + " refund_amount = total, refund_expected = ?, updated_at = ? WHERE order_number = ? AND status IN"
                + " ('placed', 'processing')", statement -> {
            statement.setDate(1, Date.valueOf(refundBy));
            UtcColumns.set(statement, 2, UtcColumns.now());
            statement.setString(3, number);
            return statement.executeUpdate() == 1;
        });
    }

    boolean changeAddress(String number, String address) {
        return jdbc.prepareStatement("UPDATE orders SET shipping_address = ?, updated_at = ? WHERE order_number = ?"
                + " AND status IN ('placed', 'processing')", statement -> {
            statement.setString(1, address);
            UtcColumns.set(statement, 2, UtcColumns.now());
            statement.setString(3, number);
            return statement.executeUpdate() == 1;
        });
    }

    private static void bind(PreparedStatement statement, Order order) throws SQLException {
        statement.setString(1, order.number());
        statement.setString(2, order.customerId());
        statement.setString(3, order.status().id());
        statement.setString(4, order.items());
        statement.setBigDecimal(5, order.total());
        statement.setString(6, order.currency());
        statement.setString(7, order.carrier());
        statement.setString(8, order.trackingNumber());
        statement.setString(9, order.trackingUrl());
        statement.setString(10, order.shippingAddress());
        UtcColumns.set(statement, 11, order.placedAt());
        statement.setDate(12, order.estimatedDelivery() == null ? null : Date.valueOf(order.estimatedDelivery()));
        UtcColumns.set(statement, 13, order.deliveredAt());
        statement.setString(14, order.refundStatus().id());
        statement.setBigDecimal(15, order.refundAmount());
        statement.setDate(16, order.refundExpected() == null ? null : Date.valueOf(order.refundExpected()));
        UtcColumns.set(statement, 17, UtcColumns.now());
    }

    private static Order map(ResultSet row) throws SQLException {
        Date eta = row.getDate("estimated_delivery");
        Date refund = row.getDate("refund_expected");
        return new Order(row.getString("order_number"), row.getString("customer_id"),
                OrderStatus.fromId(row.getString("status")), row.getString("items"), row.getBigDecimal("total"),
                row.getString("currency"), row.getString("carrier"), row.getString("tracking_number"),
                row.getString("tracking_url"), row.getString("shipping_address"), UtcColumns.get(row, "placed_at"),
                eta == null ? null : eta.toLocalDate(), UtcColumns.get(row, "delivered_at"),
                RefundStatus.fromId(row.getString("refund_status")), row.getBigDecimal("refund_amount"),
                refund == null ? null : refund.toLocalDate());
    }
}
