package dev.parley.offers.triggers;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for deal_reminders; the unique (shopper, offer, sku) key means a deal is reminded at most once. */
@Singleton
@Transactional
class DealReminderRepository {

    private final JdbcOperations jdbc;

    DealReminderRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a reminder unless one exists for the same shopper, offer and product. */
    Optional<DealReminder> queue(String shopperId, String offerId, String sku, String channel, Instant endsAt,
                                 Instant now) {
        return jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deal_reminders (shopper_id,"
                    + " offer_id, sku, channel, deal_ends_at, status, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, shopperId);
                insert.setString(2, offerId);
                insert.setString(3, sku);
                insert.setString(4, channel);
                insert.setTimestamp(5, Timestamp.from(endsAt));
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new DealReminder(keys.getLong(1), shopperId, offerId, sku, channel, endsAt,
                            "queued", now));
                }
            } catch (java.sql.SQLIntegrityConstraintViolationException duplicate) {
                return Optional.<DealReminder>empty();
            }
        });
    }

    List<DealReminder> withStatus(String status, int limit) {
        return jdbc.prepareStatement("SELECT id, shopper_id, offer_id, sku, channel, deal_ends_at, status, created_at"
                + " FROM deal_reminders WHERE status = ? ORDER BY id LIMIT " + Math.max(1, Math.min(1000, limit)),
                statement -> {
                    statement.setString(1, status);
                    List<DealReminder> reminders = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            reminders.add(new DealReminder(rows.getLong(1), rows.getString(2), rows.getString(3),
                                    rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant(),
                                    rows.getString(7), rows.getTimestamp(8).toInstant()));
                        }
                    }
                    return reminders;
                });
    }

    boolean setStatus(long id, String status, String detail) {
        return jdbc.prepareStatement("UPDATE deal_reminders SET status = ?, detail = ?, updated_at = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, status);
                    statement.setString(2, detail);
                    statement.setTimestamp(3, Timestamp.from(Instant.now()));
                    statement.setLong(4, id);
                    return statement.executeUpdate() > 0;
                });
    }
}
