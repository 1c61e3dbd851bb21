package dev.parley.handoff;

import dev.parley.storage.UtcColumns;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** SQL for handoff_notes. */
@Singleton
class NoteRepository {

    private final JdbcOperations jdbc;

    NoteRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void insert(Note note) {
        jdbc.prepareStatement("INSERT INTO handoff_notes (id, conversation_id, escalation_id, agent_id, kind, text,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, note.id());
            statement.setString(2, note.conversationId());
            statement.setString(3, note.escalationId());
            statement.setString(4, note.agentId());
            statement.setString(5, note.kind());
            statement.setString(6, note.text());
            UtcColumns.set(statement, 7, note.createdAt());
            return statement.executeUpdate();
        });
    }

    @Connectable
    List<Note> forConversation(String conversationId) {
        return jdbc.prepareStatement("SELECT id, conversation_id, escalation_id, agent_id, kind, text, created_at"
                + " FROM handoff_notes WHERE conversation_id = ? ORDER BY created_at", statement -> {
            statement.setString(1, conversationId);
            List<Note> notes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    notes.add(new Note(rows.getString("id"), rows.getString("conversation_id"),
                            rows.getString("escalation_id"), rows.getString("agent_id"), rows.getString("kind"),
                            rows.getString("text"), UtcColumns.get(rows, "created_at")));
                }
            }
            return notes;
        });
    }
}
