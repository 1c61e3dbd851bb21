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

    /**
     * Upserts in one statement each: an UPDATE of a missing row followed by an INSERT takes a gap lock first, and
     * two new shoppers' first events at once then deadlock (seen under the WhatsApp flood benchmark).
     */
    void saveAll(Collection<ShopperProfile> profiles) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.execute(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO shopper_profiles (shopper_id,"
                    + " state, reminder_opt_in, updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " state = VALUES(state), reminder_opt_in = VALUES(reminder_opt_in), updated_at = VALUES(updated_at)")) {
                for (ShopperProfile profile : profiles) {
                    upsert.setString(1, profile.shopperId);
                    upsert.setString(2, ProfileJson.write(profile));
                    upsert.setBoolean(3, profile.reminderOptIn);
                    upsert.setTimestamp(4, now);
                    upsert.executeUpdate();
                }
            }
            return null;
        });
    }

    void saveLifeEvent(String shopperId, LifeEventRecord record) {
        jdbc.execute(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO shopper_life_events"
                    + " (shopper_id, life_event, source, detected_at, expires_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE source = VALUES(source), detected_at = VALUES(detected_at),"
                    + " expires_at = VALUES(expires_at)")) {
                upsert.setString(1, shopperId);
                upsert.setString(2, record.lifeEvent());
                upsert.setString(3, record.source());
                upsert.setTimestamp(4, Timestamp.from(record.detectedAt()));
                upsert.setTimestamp(5, Timestamp.from(record.expiresAt()));
                upsert.executeUpdate();
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
