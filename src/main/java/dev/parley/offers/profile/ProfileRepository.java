package dev.parley.offers.profile;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL for shopper_profiles and shopper_life_events. */
@Singleton
@Transactional
class ProfileRepository {

    private final JdbcOperations jdbc;

    ProfileRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ShopperProfile> find(String shopperId) {
        return jdbc.prepareStatement("SELECT state FROM shopper_profiles WHERE shopper_id = ?", statement -> {
            statement.setString(1, shopperId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<ShopperProfile>empty();
                }
                ShopperProfile profile = ProfileJson.read(rows.getString(1));
                profile.shopperId = shopperId;
                return Optional.of(profile);
            }
        });
    }

    void saveAll(Collection<ShopperProfile> profiles) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.execute(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE shopper_profiles SET state = ?, reminder_opt_in = ?, updated_at = ? WHERE shopper_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO shopper_profiles (shopper_id, state, reminder_opt_in, updated_at) VALUES (?, ?, ?, ?)")) {
                for (ShopperProfile profile : profiles) {
                    String state = ProfileJson.write(profile);
                    update.setString(1, state);
                    update.setBoolean(2, profile.reminderOptIn);
                    update.setTimestamp(3, now);
                    update.setString(4, profile.shopperId);
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, profile.shopperId);
                        insert.setString(2, state);
                        insert.setBoolean(3, profile.reminderOptIn);
                        insert.setTimestamp(4, now);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    void saveLifeEvent(String shopperId, LifeEventRecord record) {
        jdbc.execute(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM shopper_life_events WHERE shopper_id = ? AND life_event = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO shopper_life_events"
                         + " (shopper_id, life_event, source, detected_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, shopperId);
                delete.setString(2, record.lifeEvent());
                delete.executeUpdate();
                insert.setString(1, shopperId);
                insert.setString(2, record.lifeEvent());
                insert.setString(3, record.source());
                insert.setTimestamp(4, Timestamp.from(record.detectedAt()));
                insert.setTimestamp(5, Timestamp.from(record.expiresAt()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    List<String> optedInShoppers() {
        return jdbc.prepareStatement("SELECT shopper_id FROM shopper_profiles WHERE reminder_opt_in = TRUE", statement -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }
}
