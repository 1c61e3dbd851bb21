package dev.parley.handoff;

import dev.parley.storage.UtcColumns;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL for handoff_agents. active_count only changes under the row's lock ({@link #lock}). */
@Singleton
class AgentRepository {

    private static final String COLUMNS = "id, display_name, role, skills, languages, capacity, active_count, online,"
            + " last_seen_at";

    private final JdbcOperations jdbc;

    AgentRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    Optional<Agent> find(String id) {
        return one("SELECT " + COLUMNS + " FROM handoff_agents WHERE id = ?", id);
    }

    /** The agent, its row locked until the transaction ends: claims and releases of one agent serialise. */
    @Transactional
    Optional<Agent> lock(String id) {
        return one("SELECT " + COLUMNS + " FROM handoff_agents WHERE id = ? FOR UPDATE", id);
    }

    @Connectable
    Optional<String> passwordHash(String id) {
        return jdbc.prepareStatement("SELECT password_hash FROM handoff_agents WHERE id = ?", statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        });
    }

    @Connectable
    List<Agent> all() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_agents ORDER BY id", this::list);
    }

    @Connectable
    List<Agent> onlineSince(Instant cutoff) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_agents WHERE online = TRUE"
                + " AND last_seen_at >= ?", statement -> {
            UtcColumns.set(statement, 1, cutoff);
            return list(statement);
        });
    }

    /** Online agents last seen before the cutoff. */
    @Connectable
    List<Agent> silentSince(Instant cutoff) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_agents WHERE online = TRUE"
                + " AND (last_seen_at IS NULL OR last_seen_at < ?)", statement -> {
            UtcColumns.set(statement, 1, cutoff);
            return list(statement);
        });
    }

    @Transactional
    void insert(Agent agent, String passwordHash, Instant now) {
        jdbc.prepareStatement("INSERT INTO handoff_agents (" + COLUMNS + ", password_hash, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, agent.id());
            statement.setString(2, agent.displayName());
            statement.setString(3, agent.role().id());
            statement.setString(4, String.join(",", agent.skills()));
            statement.setString(5, String.join(",", agent.languages()));
            statement.setInt(6, agent.capacity());
            statement.setInt(7, 0);
            statement.setBoolean(8, false);
            UtcColumns.set(statement, 9, null);
            statement.setString(10, passwordHash);
            UtcColumns.set(statement, 11, now);
            UtcColumns.set(statement, 12, now);
            return statement.executeUpdate();
        });
    }

    @Transactional
    void setPasswordHash(String id, String passwordHash) {
        jdbc.prepareStatement("UPDATE handoff_agents SET password_hash = ?, updated_at = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, passwordHash);
                    UtcColumns.set(statement, 2, UtcColumns.now());
                    statement.setString(3, id);
                    return statement.executeUpdate();
                });
    }

    /** Adds {@code delta} to the held conversations; call with the row locked. */
    @Transactional
    void addActive(String id, int delta) {
        jdbc.prepareStatement("UPDATE handoff_agents SET active_count = active_count + ? WHERE id = ?", statement -> {
            statement.setInt(1, delta);
            statement.setString(2, id);
            return statement.executeUpdate();
        });
    }

    @Transactional
    void seen(String id, boolean online, Instant at) {
        jdbc.prepareStatement("UPDATE handoff_agents SET online = ?, last_seen_at = ? WHERE id = ?", statement -> {
            statement.setBoolean(1, online);
            UtcColumns.set(statement, 2, at);
            statement.setString(3, id);
            return statement.executeUpdate();
        });
    }

    private Optional<Agent> one(String sql, String id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, id);
            List<Agent> found = list(statement);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    private List<Agent> list(PreparedStatement statement) throws SQLException {
        List<Agent> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(map(rows));
            }
        }
        return found;
    }

    private static Agent map(ResultSet row) throws SQLException {
        return new Agent(row.getString("id"), row.getString("display_name"), AgentRole.fromId(row.getString("role")),
                split(row.getString("skills")), split(row.getString("languages")), row.getInt("capacity"),
                row.getInt("active_count"), row.getBoolean("online"), UtcColumns.get(row, "last_seen_at"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
