package dev.parley.offers.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** SQL for price_multipliers and price_multiplier_changes. */
@Singleton
@Transactional
class PricingRepository {

    private final JdbcOperations jdbc;

    PricingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<PriceMultiplier> findAll() {
        return jdbc.prepareStatement("SELECT scope, scope_key, multiplier, updated_at FROM price_multipliers", statement -> {
            List<PriceMultiplier> all = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(new PriceMultiplier(rows.getString(1), rows.getString(2), rows.getDouble(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return all;
        });
    }

    /** Stores the new multiplier and its audit row together. */
    void save(PriceChange change) {
        jdbc.execute(connection -> {
            Timestamp at = Timestamp.from(change.changedAt());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE price_multipliers SET multiplier = ?, updated_at = ? WHERE scope = ? AND scope_key = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO price_multipliers (scope, scope_key, multiplier, updated_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement audit = connection.prepareStatement("INSERT INTO price_multiplier_changes"
                         + " (scope, scope_key, old_multiplier, new_multiplier, target, demand, stock, changed_at)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                update.setBigDecimal(1, BigDecimal.valueOf(change.newMultiplier()));
                update.setTimestamp(2, at);
                update.setString(3, change.scope());
                update.setString(4, change.key());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, change.scope());
                    insert.setString(2, change.key());
                    insert.setBigDecimal(3, BigDecimal.valueOf(change.newMultiplier()));
                    insert.setTimestamp(4, at);
                    insert.executeUpdate();
                }
                audit.setString(1, change.scope());
                audit.setString(2, change.key());
                audit.setBigDecimal(3, BigDecimal.valueOf(change.oldMultiplier()));
                audit.setBigDecimal(4, BigDecimal.valueOf(change.newMultiplier()));
                audit.setBigDecimal(5, BigDecimal.valueOf(change.target()));
                audit.setDouble(6, change.demand());
                audit.setInt(7, change.stock());
                audit.setTimestamp(8, at);
                audit.executeUpdate();
            }
            return null;
        });
    }

    List<PriceChange> changes(@Nullable String key, int limit) {
        String sql = "SELECT id, scope, scope_key, old_multiplier, new_multiplier, target, demand, stock, changed_at"
                + " FROM price_multiplier_changes" + (key == null ? "" : " WHERE scope_key = ?")
                + " ORDER BY id DESC LIMIT " + Math.max(1, Math.min(1000, limit));
        return jdbc.prepareStatement(sql, statement -> {
            if (key != null) {
                statement.setString(1, key);
            }
            List<PriceChange> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new PriceChange(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getDouble(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7),
                            rows.getInt(8), rows.getTimestamp(9).toInstant()));
                }
            }
            return changes;
        });
    }
}
