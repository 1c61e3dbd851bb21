package dev.parley.offers.decision;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** SQL for offer_decisions, offer_rewards and bandit_snapshots. */
@Singleton
@Transactional
public class DecisionLog {

    /** A learned reward as replayed into the model at start-up. */
    public record LearnedReward(long id, String offerId, String segment, double[] features, double reward) {
    }

    private static final String COLUMNS = "id, request_id, shopper_id, offer_id, channel, strategy, segment, position,"
            + " propensity, score, features, context, decided_at, outcome, reward";

    private final JdbcOperations jdbc;

    DecisionLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<LoggedDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offer_decisions (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
                for (LoggedDecision d : decisions) {
                    insert.setString(1, d.id());
                    insert.setString(2, d.requestId());
                    insert.setString(3, d.shopperId());
                    insert.setString(4, d.offerId());
                    insert.setString(5, d.channel());
                    insert.setString(6, d.strategy());
                    insert.setString(7, d.segment());
                    insert.setInt(8, d.position());
                    insert.setDouble(9, d.propensity());
                    insert.setDouble(10, finite(d.score()));
                    insert.setString(11, LoggedDecision.encode(d.features()));
                    insert.setString(12, d.context());
                    insert.setTimestamp(13, Timestamp.from(d.decidedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    public Optional<LoggedDecision> find(String id) {
        return find(id, "");
    }

    /**
     * The decision's latest committed row, locked until the caller's transaction ends: a locking read sees rows
     * committed after the transaction's snapshot (the decision log is written by another thread), and serialises
     * concurrent outcome reports for the same decision.
     */
    public Optional<LoggedDecision> findForUpdate(String id) {
        return find(id, " FOR UPDATE");
    }

    private Optional<LoggedDecision> find(String id, String suffix) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM offer_decisions WHERE id = ?" + suffix, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.<LoggedDecision>empty();
            }
        });
    }

    /** What storing an outcome did. */
    public enum OutcomeStored {
        /** the same outcome was already stored: a retry */
        DUPLICATE,
        /** stored, but the decision already had its (learned) outcome */
        LATER,
        /** stored as the decision's first outcome: the one the model learns from */
        FIRST
    }

    /**
     * Stores an outcome once per (decision, outcome). The first outcome of a decision is claimed with a
     * conditional update, so two concurrent first reports cannot both teach the model.
     */
    public OutcomeStored recordOutcome(String decisionId, String outcome, double reward, Instant at) {
        Long rewardId = jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offer_rewards"
                    + " (decision_id, outcome, reward, learned, recorded_at) VALUES (?, ?, ?, FALSE, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, decisionId);
                insert.setString(2, outcome);
                insert.setDouble(3, reward);
                insert.setTimestamp(4, Timestamp.from(at));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (java.sql.SQLIntegrityConstraintViolationException duplicate) {
                return null;
            }
        });
        if (rewardId == null) {
            return OutcomeStored.DUPLICATE;
        }
        int claimed = jdbc.prepareStatement("UPDATE offer_decisions SET outcome = ?, reward = ?, rewarded_at = ?"
                + " WHERE id = ? AND outcome IS NULL", statement -> {
            statement.setString(1, outcome);
            statement.setDouble(2, reward);
            statement.setTimestamp(3, Timestamp.from(at));
            statement.setString(4, decisionId);
            return statement.executeUpdate();
        });
        if (claimed == 0) {
            return OutcomeStored.LATER;
        }
        jdbc.prepareStatement("UPDATE offer_rewards SET learned = TRUE WHERE id = ?", statement -> {
            statement.setLong(1, rewardId);
            return statement.executeUpdate();
        });
        return OutcomeStored.FIRST;
    }

    /** Decisions still without any outcome, decided before the cutoff (candidates for "ignored"). */
    public List<String> openDecisionsBefore(Instant cutoff, int limit) {
        return jdbc.prepareStatement("SELECT id FROM offer_decisions WHERE outcome IS NULL AND decided_at < ?"
                + " ORDER BY decided_at LIMIT " + limit, statement -> {
            statement.setTimestamp(1, Timestamp.from(cutoff));
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    /** A shopper's latest decisions (offers shown, with their outcome once known), newest first. */
    public List<LoggedDecision> latestForShopper(String shopperId, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM offer_decisions WHERE shopper_id = ?"
                + " ORDER BY decided_at DESC LIMIT ?", statement -> {
            statement.setString(1, shopperId);
            statement.setInt(2, limit);
            List<LoggedDecision> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(map(rows));
                }
            }
            return found;
        });
    }

    /** [offerId, decidedAt millis] of a shopper's decisions since a moment: rebuilds frequency caps. */
    public List<Object[]> impressionsSince(String shopperId, Instant since) {
        return jdbc.prepareStatement("SELECT offer_id, decided_at FROM offer_decisions WHERE shopper_id = ?"
                + " AND decided_at >= ?", statement -> {
            statement.setString(1, shopperId);
            statement.setTimestamp(2, Timestamp.from(since));
            List<Object[]> impressions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    impressions.add(new Object[]{rows.getString(1), rows.getTimestamp(2).toInstant().toEpochMilli()});
                }
            }
            return impressions;
        });
    }

    /** First outcomes of learnable decisions after a reward id, in learning order, with their features. */
    public void learnedRewardsAfter(long rewardId, Consumer<LearnedReward> consumer) {
        jdbc.prepareStatement("SELECT r.id, d.offer_id, d.segment, d.features, r.reward FROM offer_rewards r"
                + " JOIN offer_decisions d ON d.id = r.decision_id WHERE r.learned = TRUE AND r.id > ?"
                + " AND d.strategy IN ('bandit', 'popularity') ORDER BY r.id",
                statement -> {
                    statement.setLong(1, rewardId);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            consumer.accept(new LearnedReward(rows.getLong(1), rows.getString(2), rows.getString(3),
                                    LoggedDecision.decode(rows.getString(4)), rows.getDouble(5)));
                        }
                    }
                    return null;
                });
    }

    public long lastRewardId() {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM offer_rewards", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    public void saveSnapshot(long lastRewardId, String state) {
        jdbc.prepareStatement("INSERT INTO bandit_snapshots (last_reward_id, state, taken_at) VALUES (?, ?, ?)",
                statement -> {
                    statement.setLong(1, lastRewardId);
                    statement.setString(2, state);
                    statement.setTimestamp(3, Timestamp.from(Instant.now()));
                    return statement.executeUpdate();
                });
        // keep the last few only
        jdbc.prepareStatement("DELETE FROM bandit_snapshots WHERE last_reward_id < ?", statement -> {
            statement.setLong(1, lastRewardId);
            return statement.executeUpdate();
        });
    }

    /** [last reward id, state JSON] of the newest snapshot. */
    public Optional<Object[]> latestSnapshot() {
        return jdbc.prepareStatement("SELECT last_reward_id, state FROM bandit_snapshots ORDER BY id DESC LIMIT 1",
                statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(new Object[]{rows.getLong(1), rows.getString(2)})
                                : Optional.<Object[]>empty();
                    }
                });
    }

    /** Every decision in time order, for exporting the log in the evaluate format. */
    public void forEachDecision(Consumer<LoggedDecision> consumer) {
        jdbc.prepareStatement("SELECT " + COLUMNS + " FROM offer_decisions ORDER BY decided_at, position", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(map(rows));
                }
            }
            return null;
        });
    }

    private static LoggedDecision map(ResultSet row) throws SQLException {
        double reward = row.getDouble("reward");
        Double boxed = row.wasNull() ? null : reward;
        return new LoggedDecision(row.getString("id"), row.getString("request_id"), row.getString("shopper_id"),
                row.getString("offer_id"), row.getString("channel"), row.getString("strategy"),
                row.getString("segment"), row.getInt("position"), row.getDouble("propensity"),
                row.getDouble("score"), LoggedDecision.decode(row.getString("features")), row.getString("context"),
                row.getTimestamp("decided_at").toInstant(), row.getString("outcome"), boxed);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
