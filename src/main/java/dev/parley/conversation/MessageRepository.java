package dev.parley.conversation;

import dev.parley.message.Channel;
import dev.parley.nlu.NluResult;
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
import java.util.Set;
import java.util.stream.Collectors;

/** SQL for messages. Rich content and NLU results are JSON text columns (portable: no JSON functions). */
@Singleton
class MessageRepository {

    private static final String COLUMNS = "id, conversation_id, seq, direction, author, author_id, text,"
            + " rich_payload, nlu_result, dedupe_scope, channel_message_id, reply_to_id, processed, delivery_status,"
            + " created_at, status_updated_at";

    private final JdbcOperations jdbc;
    private final ColumnJson json;

    MessageRepository(JdbcOperations jdbc, ColumnJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts a message. A second message with the same (dedupe scope, channel message id) violates the unique key
     * and fails: the caller then reads the stored one.
     */
    @Transactional
    void insert(ConversationMessage message, String dedupeScope) {
        jdbc.prepareStatement("INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)", statement -> {
            statement.setString(1, message.id());
            statement.setString(2, message.conversationId());
            statement.setLong(3, message.seq());
            statement.setString(4, message.direction().id());
            statement.setString(5, message.author().id());
            statement.setString(6, message.authorId());
            statement.setString(7, message.text());
            boolean rich = message.direction() == Direction.OUTBOUND || message.payload() != null;
            statement.setString(8, rich ? json.write(new RichContent(message.quickReplies(), message.offers(),
                    message.expectsAnswer(), message.handoff(), message.payload())) : null);
            statement.setString(9, message.nlu() == null ? null : json.write(message.nlu()));
            statement.setString(10, dedupeScope);
            statement.setString(11, message.channelMessageId());
            statement.setString(12, message.replyToId());
            statement.setBoolean(13, message.processed());
            statement.setString(14, message.deliveryStatus().id());
            UtcColumns.set(statement, 15, message.createdAt());
            UtcColumns.set(statement, 16, message.createdAt());
            return statement.executeUpdate();
        });
    }

    @Connectable
    Optional<ConversationMessage> find(String id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE id = ?", statement -> {
            statement.setString(1, id);
            return first(statement);
        });
    }

    /** Reads the message and locks its row until the transaction ends (the latest committed version). */
    @Transactional
    Optional<ConversationMessage> lock(String id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE id = ? FOR UPDATE", statement -> {
            statement.setString(1, id);
            return first(statement);
        });
    }

    @Connectable
    Optional<ConversationMessage> findByChannelMessageId(String dedupeScope, String channelMessageId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE dedupe_scope = ?"
                + " AND channel_message_id = ?", statement -> {
            statement.setString(1, dedupeScope);
            statement.setString(2, channelMessageId);
            return first(statement);
        });
    }

    /** The bot replies stored for an inbound message, in order. */
    @Connectable
    List<ConversationMessage> findReplies(String inboundMessageId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE reply_to_id = ? ORDER BY seq",
                statement -> {
                    statement.setString(1, inboundMessageId);
                    return all(statement);
                });
    }

    /** The shopper's messages before seq {@code beforeSeq}, newest first, at most {@code limit}. */
    @Connectable
    List<ConversationMessage> findInboundBefore(String conversationId, long beforeSeq, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND seq < ?"
                + " AND direction = 'inbound' ORDER BY seq DESC LIMIT ?", statement -> {
            statement.setString(1, conversationId);
            statement.setLong(2, beforeSeq);
            statement.setInt(3, limit);
            return all(statement);
        });
    }

    /** Up to {@code limit} messages with seq above {@code afterSeq}, ascending. */
    @Connectable
    List<ConversationMessage> findAfter(String conversationId, long afterSeq, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND seq > ?"
                + " ORDER BY seq LIMIT ?", statement -> {
            statement.setString(1, conversationId);
            statement.setLong(2, afterSeq);
            statement.setInt(3, limit);
            return all(statement);
        });
    }

    /** Inbound messages of the channel stored before {@code before} whose turn has not run, oldest first. */
    @Connectable
    List<ConversationMessage> findUnprocessed(Channel channel, Instant before, int limit) {
        String columns = java.util.Arrays.stream(COLUMNS.split(","))
                .map(column -> "m." + column.trim()).collect(Collectors.joining(", "));
        return jdbc.prepareStatement("SELECT " + columns + " FROM messages m JOIN conversations c"
                + " ON c.id = m.conversation_id WHERE m.processed = ? AND m.created_at < ? AND m.direction = ?"
                + " AND c.channel = ? ORDER BY m.created_at LIMIT ?", statement -> {
            statement.setBoolean(1, false);
            UtcColumns.set(statement, 2, before);
            statement.setString(3, Direction.INBOUND.id());
            statement.setString(4, channel.id());
            statement.setInt(5, limit);
            return all(statement);
        });
    }

    @Transactional
    void markProcessed(String id, NluResult nlu) {
        jdbc.prepareStatement("UPDATE messages SET processed = ?, nlu_result = ? WHERE id = ?", statement -> {
            statement.setBoolean(1, true);
            statement.setString(2, nlu == null ? null : json.write(nlu));
            statement.setString(3, id);
            return statement.executeUpdate();
        });
    }

    /**
     * Moves the status forward, never back: the update only matches while the stored status is one the new one
     * replaces, which also makes concurrent reports safe.
     *
     * @return whether the status changed
     */
    @Transactional
    boolean advanceDeliveryStatus(String id, DeliveryStatus status, Instant at) {
        Set<DeliveryStatus> from = status.replaces();
        if (from.isEmpty()) {
            return false;
        }
        String placeholders = from.stream().map(s -> "?").collect(Collectors.joining(", "));
        return jdbc.prepareStatement("UPDATE messages SET delivery_status = ?, status_updated_at = ? WHERE id = ?"
                + " AND delivery_status IN (" + placeholders + ")", statement -> {
            statement.setString(1, status.id());
            UtcColumns.set(statement, 2, at);
            statement.setString(3, id);
            int index = 4;
            for (DeliveryStatus previous : from) {
                statement.setString(index++, previous.id());
            }
            return statement.executeUpdate() == 1;
        });
    }

    @Transactional
    void setChannelMessageId(String id, String channelMessageId) {
        jdbc.prepareStatement("UPDATE messages SET channel_message_id = ? WHERE id = ?", statement -> {
            statement.setString(1, channelMessageId);
            statement.setString(2, id);
            return statement.executeUpdate();
        });
    }

    private Optional<ConversationMessage> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(map(rows)) : Optional.empty();
        }
    }

    private List<ConversationMessage> all(PreparedStatement statement) throws SQLException {
        List<ConversationMessage> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(map(rows));
            }
        }
        return found;
    }

    private ConversationMessage map(ResultSet row) throws SQLException {
        String rich = row.getString("rich_payload");
        RichContent content = rich == null ? new RichContent(List.of(), List.of(), true, false, null)
                : json.read(rich, RichContent.class);
        String nlu = row.getString("nlu_result");
        return new ConversationMessage(row.getString("id"), row.getString("conversation_id"), row.getLong("seq"),
                Direction.fromId(row.getString("direction")), Author.fromId(row.getString("author")),
                row.getString("author_id"), row.getString("text"), content.quickReplies(), content.offers(),
                content.expectsAnswer(), content.handoff(), content.payload(),
                nlu == null ? null : readNlu(nlu, row.getString("id")),
                row.getString("channel_message_id"), row.getString("reply_to_id"), row.getBoolean("processed"),
                DeliveryStatus.fromId(row.getString("delivery_status")), UtcColumns.get(row, "created_at"));
    }

    /** A stored NLU result; one that no longer reads (its record changed shape) is dropped, not fatal. */
    private NluResult readNlu(String text, String messageId) {
        try {
            return json.read(text, NluResult.class);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MessageRepository.class)
                    .warn("Stored NLU result of message {} does not read back: {}", messageId, e.getMessage());
            return null;
        }
    }
}
