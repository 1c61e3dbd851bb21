package dev.parley.conversation;

import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** SQL for shoppers and their channel identities. */
@Singleton
class ShopperRepository {

    private final JdbcOperations jdbc;

    ShopperRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    Optional<Shopper> find(String id) {
        return queryOne("SELECT * FROM shoppers WHERE id = ?", id);
    }

    @Connectable
    Optional<Shopper> findByCustomerId(String customerId) {
        return queryOne("SELECT * FROM shoppers WHERE customer_id = ?", customerId);
    }

    @Connectable
    Optional<String> findShopperIdByIdentity(Channel channel, String channelUserId) {
        return jdbc.prepareStatement(
                "SELECT shopper_id FROM channel_identities WHERE channel = ? AND channel_user_id = ?", statement -> {
                    statement.setString(1, channel.id());
                    statement.setString(2, channelUserId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                    }
                });
    }

    /** Locks the identity's row until the transaction ends: one first contact at a time opens its conversation. */
    @Transactional
    void lockIdentity(Channel channel, String channelUserId) {
        jdbc.prepareStatement("SELECT shopper_id FROM channel_identities WHERE channel = ? AND channel_user_id = ?"
                + " FOR UPDATE", statement -> {
            statement.setString(1, channel.id());
            statement.setString(2, channelUserId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    @Transactional
    void insert(Shopper shopper) {
        jdbc.prepareStatement("INSERT INTO shoppers (id, display_name, customer_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, shopper.id());
            statement.setString(2, shopper.displayName());
            statement.setString(3, shopper.customerId());
            UtcColumns.set(statement, 4, shopper.createdAt());
            UtcColumns.set(statement, 5, shopper.createdAt());
            return statement.executeUpdate();
        });
    }

    @Transactional
    void update(Shopper shopper) {
        jdbc.prepareStatement("UPDATE shoppers SET display_name = ?, customer_id = ?, updated_at = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, shopper.displayName());
                    statement.setString(2, shopper.customerId());
                    UtcColumns.set(statement, 3, UtcColumns.now());
                    statement.setString(4, shopper.id());
                    return statement.executeUpdate();
                });
    }

    @Transactional
    void insertIdentity(Channel channel, String channelUserId, String shopperId, Instant now) {
        jdbc.prepareStatement("INSERT INTO channel_identities (channel, channel_user_id, shopper_id, created_at)"
                + " VALUES (?, ?, ?, ?)", statement -> {
            statement.setString(1, channel.id());
            statement.setString(2, channelUserId);
            statement.setString(3, shopperId);
            UtcColumns.set(statement, 4, now);
            return statement.executeUpdate();
        });
    }

    @Transactional
    void moveIdentity(Channel channel, String channelUserId, String shopperId) {
        jdbc.prepareStatement(
                "UPDATE channel_identities SET shopper_id = ? WHERE channel = ? AND channel_user_id = ?", statement -> {
                    statement.setString(1, shopperId);
                    statement.setString(2, channel.id());
                    statement.setString(3, channelUserId);
                    return statement.executeUpdate();
                });
    }

    private Optional<Shopper> queryOne(String sql, String parameter) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        });
    }

    private static Shopper map(ResultSet row) throws SQLException {
        return new Shopper(row.getString("id"), row.getString("display_name"), row.getString("customer_id"),
                UtcColumns.get(row, "created_at"));
    }
}
