package dev.parley.channel.whatsapp;

import dev.parley.channel.whatsapp.OutboxEntry.State;
import dev.parley.storage.UtcColumns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for the outbox. Every change of state is a conditional update on the state it leaves, so two dispatchers
 * (two instances of the service) can never both claim, send or settle the same message.
 */
@Singleton
class WhatsAppOutbox {

    private static final String COLUMNS = "message_id, conversation_id, seq, phone_number_id, recipient, state,"
            + " attempts, next_attempt_at, wamid, sent_as, error_code, error_title, created_at, updated_at";
    private static final int MAX_TITLE = 300;

    private final JdbcOperations jdbc;

    WhatsAppOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a message; false when it was queued before (the primary key makes queuing idempotent). */
    @Transactional
    boolean enqueue(String messageId, String conversationId, long seq, WhatsAppAddress to, Instant now) {
        try {
            return jdbc.prepareStatement("INSERT INTO whatsapp_outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?)", statement -> {
                statement.setString(1, messageId);
                statement.setString(2, conversationId);
                statement.setLong(3, seq);
                statement.setString(4, to.phoneNumberId());
                statement.setString(5, to.waId());
                statement.setString(6, State.PENDING.id());
                statement.setInt(7, 0);
                UtcColumns.set(statement, 8, now);
                statement.setString(9, null);
                statement.setString(10, null);
                statement.setString(11, null);
                statement.setString(12, null);
                UtcColumns.set(statement, 13, now);
                UtcColumns.set(statement, 14, now);
                return statement.executeUpdate() == 1;
            });
        } catch (RuntimeException e) {
            if (UtcColumns.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Connectable
    Optional<OutboxEntry> find(String messageId) {
        return one("message_id", messageId);
    }

    /** Messages not yet settled (pending or being sent), in the order they were written. */
    @Connectable
    List<OutboxEntry> unsettled(int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM whatsapp_outbox WHERE state IN (?, ?)"
                + " ORDER BY created_at, seq LIMIT ?", statement -> {
            statement.setString(1, State.PENDING.id());
            statement.setString(2, State.SENDING.id());
            statement.setInt(3, limit);
            return all(statement);
        });
    }

    /** Takes a due pending message for sending (counting the attempt); false if it is not (any longer) due. */
    @Transactional
    boolean claim(String messageId, Instant now) {
        return jdbc.prepareStatement("UPDATE whatsapp_outbox SET state = ?, attempts = attempts + 1, updated_at = ?"
                + " WHERE message_id = ? AND state = ? AND next_attempt_at <= ?", statement -> {
            statement.setString(1, State.SENDING.id());
            UtcColumns.set(statement, 2, now);
            statement.setString(3, messageId);
            statement.setString(4, State.PENDING.id());
            UtcColumns.set(statement, 5, now);
            return statement.executeUpdate() == 1;
        });
    }

    @Transactional
    boolean sent(String messageId, String wamid, String sentAs, Instant now) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("wamid", wamid);
        columns.put("sent_as", sentAs);
        return move(messageId, State.SENDING, State.SENT, columns, now);
    }

    /** Back to pending until {@code next}, remembering why this attempt did not go through. */
    @Transactional
    boolean retryAt(String messageId, Instant next, String errorCode, @Nullable String errorTitle, Instant now) {
        Map<String, Object> columns = error(errorCode, errorTitle);
        columns.put("next_attempt_at", next);
        return move(messageId, State.SENDING, State.PENDING, columns, now);
    }

    /** Gives up on a message being sent (or sent, when WhatsApp later reports that delivery failed). */
    @Transactional
    boolean failed(String messageId, State from, String errorCode, @Nullable String errorTitle, Instant now) {
        return move(messageId, from, State.FAILED, error(errorCode, errorTitle), now);
    }

    private static Map<String, Object> error(String code, @Nullable String title) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("error_code", code);
        boolean fits = title == null || title.length() <= MAX_TITLE;
        columns.put("error_title", fits ? title : title.substring(0, MAX_TITLE));
        return columns;
    }

    /** Moves a row from one state to another, setting the given columns; false when it was not in {@code from}. */
    private boolean move(String messageId, State from, State to, Map<String, Object> columns, Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE whatsapp_outbox SET state = ?, updated_at = ?");
        columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = ?"));
        sql.append(" WHERE message_id = ? AND state = ?");
        return jdbc.prepareStatement(sql.toString(), statement -> {
            int index = 1;
            statement.setString(index++, to.id());
            UtcColumns.set(statement, index++, now);
            for (Object value : columns.values()) {
                if (value instanceof Instant instant) {
                    UtcColumns.set(statement, index++, instant);
                } else {
                    statement.setString(index++, (String) value);
                }
            }
            statement.setString(index++, messageId);
            statement.setString(index, from.id());
            return statement.executeUpdate() == 1;
        });
    }

    /** The message WhatsApp knows by this wamid. */
    @Connectable
    Optional<OutboxEntry> findByWamid(String wamid) {
        return one("wamid", wamid);
    }

    private Optional<OutboxEntry> one(String column, String value) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM whatsapp_outbox WHERE " + column + " = ?",
                statement -> {
                    statement.setString(1, value);
                    return all(statement).stream().findFirst();
                });
    }

    private static List<OutboxEntry> all(PreparedStatement statement) throws SQLException {
        List<OutboxEntry> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                found.add(new OutboxEntry(row.getString("message_id"), row.getString("conversation_id"),
                        row.getLong("seq"), row.getString("phone_number_id"), row.getString("recipient"),
                        State.fromId(row.getString("state")), row.getInt("attempts"),
                        UtcColumns.get(row, "next_attempt_at"), row.getString("wamid"), row.getString("sent_as"),
                        row.getString("error_code"), row.getString("error_title"), UtcColumns.get(row, "created_at"),
                        UtcColumns.get(row, "updated_at")));
            }
        }
        return found;
    }
}
