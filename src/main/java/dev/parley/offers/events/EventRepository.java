package dev.parley.offers.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SQL for shopper_events. The UNIQUE event_id is what makes a retried batch harmless. */
@Singleton
@Transactional
class EventRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_CHUNK = 500;

    private final JdbcOperations jdbc;

    EventRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the events whose id is new; returns exactly those. Ids are checked in one query first; a
     * concurrent insert of the same id still fails on the unique key and that row is skipped.
     */
    List<ShopperEvent> insertNew(List<ShopperEvent> events) {
        Set<String> existing = existingIds(events.stream().map(ShopperEvent::eventId).toList());
        Set<String> seen = new HashSet<>(existing);
        List<ShopperEvent> fresh = new ArrayList<>();
        for (ShopperEvent event : events) {
            if (seen.add(event.eventId())) {
                fresh.add(event);
            }
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.execute(connection -> {
            List<ShopperEvent> stored = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shopper_events"
                    + " (event_id, shopper_id, type, occurred_at, received_at, properties) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ShopperEvent event : fresh) {
                    insert.setString(1, event.eventId());
                    insert.setString(2, event.shopperId());
                    insert.setString(3, event.type().id());
                    insert.setTimestamp(4, Timestamp.from(event.timestamp()));
                    insert.setTimestamp(5, now);
                    insert.setString(6, json(event));
                    try {
                        insert.executeUpdate();
                        stored.add(event);
                    } catch (java.sql.SQLIntegrityConstraintViolationException duplicate) {
                        // stored meanwhile by a concurrent retry of the same event: already counted there
                    }
                }
            }
            return stored;
        });
    }

    long count() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM shopper_events", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private Set<String> existingIds(List<String> ids) {
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.prepareStatement("SELECT event_id FROM shopper_events WHERE event_id IN (" + marks + ")", statement -> {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        existing.add(rows.getString(1));
                    }
                }
                return null;
            });
        }
        return existing;
    }

    private static String json(ShopperEvent event) {
        try {
            return JSON.writeValueAsString(event.properties());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
