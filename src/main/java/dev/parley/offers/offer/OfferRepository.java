package dev.parley.offers.offer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the offers and offer_coupons tables. */
@Singleton
@Transactional
class OfferRepository {

    /** An offer with its running totals. */
    record StoredOffer(Offer offer, int redemptions, BigDecimal discountSpent) {
    }

    private final JdbcOperations jdbc;

    OfferRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredOffer> findAll() {
        return jdbc.prepareStatement("SELECT definition, redemptions, discount_spent FROM offers ORDER BY id", statement -> {
            List<StoredOffer> offers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    offers.add(new StoredOffer(OfferDefinitions.fromJson(rows.getString(1)), rows.getInt(2),
                            rows.getBigDecimal(3)));
                }
            }
            return offers;
        });
    }

    boolean exists(String id) {
        return jdbc.prepareStatement("SELECT 1 FROM offers WHERE id = ?", statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    /** Inserts new offers and replaces the definitions of existing ones; running totals are kept. */
    void upsertAll(List<Offer> offers) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.execute(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE offers SET definition = ?, updated_at = ? WHERE id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO offers (id, definition, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
                for (Offer offer : offers) {
                    String json = OfferDefinitions.toJson(offer);
                    update.setString(1, json);
                    update.setTimestamp(2, now);
                    update.setString(3, offer.id());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, offer.id());
                        insert.setString(2, json);
                        insert.setTimestamp(3, now);
                        insert.setTimestamp(4, now);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    boolean delete(String id) {
        return jdbc.prepareStatement("DELETE FROM offers WHERE id = ?", statement -> {
            statement.setString(1, id);
            return statement.executeUpdate() > 0;
        });
    }

    void addRedemption(String id, BigDecimal discountGiven) {
        jdbc.prepareStatement("UPDATE offers SET redemptions = redemptions + 1, discount_spent = discount_spent + ?"
                + " WHERE id = ?", statement -> {
            statement.setBigDecimal(1, discountGiven);
            statement.setString(2, id);
            return statement.executeUpdate();
        });
    }

    Optional<String> findCoupon(String offerId, String shopperId) {
        return jdbc.prepareStatement("SELECT code FROM offer_coupons WHERE offer_id = ? AND shopper_id = ?", statement -> {
            statement.setString(1, offerId);
            statement.setString(2, shopperId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    void insertCoupon(String offerId, String shopperId, String code) {
        jdbc.prepareStatement("INSERT INTO offer_coupons (offer_id, shopper_id, code, issued_at) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, offerId);
                    statement.setString(2, shopperId);
                    statement.setString(3, code);
                    statement.setTimestamp(4, Timestamp.from(Instant.now()));
                    return statement.executeUpdate();
                });
    }
}
