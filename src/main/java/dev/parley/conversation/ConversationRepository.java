package dev.parley.conversation;

import dev.parley.message.Channel;
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
import java.util.List;
import java.util.Optional;

/** SQL for conversations. */
@Singleton
class ConversationRepository {

    private static final String COLUMNS = "id, shopper_id, channel, channel_user_id, session_id, locale, state,"
            + " needs_human, needs_human_reason, consecutive_failures, dialogue_context, last_seq, created_at,"
            + " updated_at";

    private final JdbcOperations jdbc;

    ConversationRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    Optional<Conversation> find(String id) {
        return queryOne("SELECT " + COLUMNS + " FROM conversations WHERE id = ?", id);
    }

    /** Reads the conversation and locks its row until the transaction ends: turns of one conversation serialise. */
    @Transactional
    Optional<Conversation> lock(String id) {
        return queryOne("SELECT " + COLUMNS + " FROM conversations WHERE id = ? FOR UPDATE", id);
    }

    @Connectable
    Optional<Conversation> findBySession(Channel channel, String sessionId) {
        return bySession(channel, sessionId, "");
    }

    /** The session's conversation, locked like {@link #lock}. */
    @Transactional
    Optional<Conversation> lockBySession(Channel channel, String sessionId) {
        return bySession(channel, sessionId, " FOR UPDATE");
    }

    private Optional<Conversation> bySession(Channel channel, String sessionId, String lock) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM conversations WHERE channel = ? AND session_id = ?"
                + lock, statement -> {
            statement.setString(1, channel.id());
            statement.setString(2, sessionId);
            return first(statement);
        });
    }

    /** The most recent conversation of this identity on this channel that is not closed. */
    @Connectable
    Optional<Conversation> findOpen(Channel channel, String channelUserId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM conversations WHERE channel = ?"
                + " AND channel_user_id = ? AND state <> 'closed' ORDER BY created_at DESC LIMIT 1", statement -> {
            statement.setString(1, channel.id());
            statement.setString(2, channelUserId);
            return first(statement);
        });
    }

    /** The shopper's most recent conversation on this channel, whatever its state. */
    @Connectable
    Optional<Conversation> findLatest(String shopperId, Channel channel) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM conversations WHERE shopper_id = ?"
                + " AND channel = ? ORDER BY updated_at DESC LIMIT 1", statement -> {
            statement.setString(1, shopperId);
            statement.setString(2, channel.id());
            return first(statement);
        });
    }

    @Connectable
    List<Conversation> findByState(ConversationState state, int limit) {
        return findByState(state, false, limit);
    }

    /** @param needingHuman only those marked as needing a person */
    @Connectable
    List<Conversation> findByState(ConversationState state, boolean needingHuman, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM conversations WHERE state = ?"
                + (needingHuman ? " AND needs_human = TRUE" : "") + " ORDER BY updated_at LIMIT ?", statement -> {
            statement.setString(1, state.id());
            statement.setInt(2, limit);
            List<Conversation> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(map(rows));
                }
            }
            return found;
        });
    }

    @Connectable
    long countCreatedSince(Instant since) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM conversations WHERE created_at >= ?", statement -> {
            UtcColumns.set(statement, 1, since);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Transactional
    void insert(Conversation conversation) {
        jdbc.prepareStatement("INSERT INTO conversations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)", statement -> {
            statement.setString(1, conversation.id());
            statement.setString(2, conversation.shopperId());
            statement.setString(3, conversation.channel().id());
            statement.setString(4, conversation.channelUserId());
            statement.setString(5, conversation.sessionId());
            statement.setString(6, conversation.locale());
            statement.setString(7, conversation.state().id());
            statement.setBoolean(8, conversation.needsHuman());
            statement.setString(9, conversation.needsHumanReason());
            statement.setInt(10, conversation.consecutiveFailures());
            statement.setString(11, conversation.dialogueContext());
            statement.setLong(12, conversation.lastSeq());
            UtcColumns.set(statement, 13, conversation.createdAt());
            UtcColumns.set(statement, 14, conversation.updatedAt());
            return statement.executeUpdate();
        });
    }

    /** Writes everything that changes after creation (state, hand-off mark, dialogue, seq, time). */
    @Transactional
    void update(Conversation conversation) {
        jdbc.prepareStatement("UPDATE conversations SET state = ?, needs_human = ?, needs_human_reason = ?,"
                + " consecutive_failures = ?, dialogue_context = ?, last_seq = ?, locale = ?, updated_at = ?"
                + " WHERE id = ?", statement -> {
            statement.setString(1, conversation.state().id());
            statement.setBoolean(2, conversation.needsHuman());
            statement.setString(3, conversation.needsHumanReason());
            statement.setInt(4, conversation.consecutiveFailures());
            statement.setString(5, conversation.dialogueContext());
            statement.setLong(6, conversation.lastSeq());
            statement.setString(7, conversation.locale());
            UtcColumns.set(statement, 8, conversation.updatedAt());
            statement.setString(9, conversation.id());
            return statement.executeUpdate();
        });
    }

    private Optional<Conversation> queryOne(String sql, String parameter) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, parameter);
            return first(statement);
        });
    }

    private static Optional<Conversation> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(map(rows)) : Optional.empty();
        }
    }

    private static Conversation map(ResultSet row) throws SQLException {
        return new Conversation(row.getString("id"), row.getString("shopper_id"),
                Channel.fromId(row.getString("channel")), row.getString("channel_user_id"),
                row.getString("session_id"), row.getString("locale"),
                ConversationState.fromId(row.getString("state")), row.getBoolean("needs_human"),
                row.getString("needs_human_reason"), row.getInt("consecutive_failures"),
                row.getString("dialogue_context"), row.getLong("last_seq"), UtcColumns.get(row, "created_at"),
                UtcColumns.get(row, "updated_at"));
    }
}
