package dev.parley.channel.whatsapp;

import dev.parley.storage.UtcColumns;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp's 24-hour customer-service window: free-form messages may go to a shopper only within that time of
 * their last message to the number; after it only approved templates. The time is WhatsApp's own (the message's
 * timestamp), kept per shopper and number, and only ever moves forward.
 */
@Singleton
class ConversationWindow {

    private final JdbcOperations jdbc;
    private final Duration length;

    ConversationWindow(JdbcOperations jdbc, WhatsAppSettings settings) {
        this.jdbc = jdbc;
        this.length = Duration.ofHours(settings.windowHours());
    }

    /**
     * Records that the shopper wrote at {@code at} (a redelivery or an older message changes nothing). Each
     * statement commits on its own: in one REPEATABLE READ transaction, the update of a missing row takes a gap
     * lock, and two first messages at once then deadlock on their inserts.
     */
    @Connectable
    void shopperWrote(WhatsAppAddress shopper, Instant at) {
        if (moveForward(shopper, at) > 0 || lastMessage(shopper).isPresent()) {
            return;
        }
        try {
            jdbc.prepareStatement("INSERT INTO whatsapp_contacts (address, last_inbound_at) VALUES (?, ?)",
                    statement -> {
                        statement.setString(1, shopper.channelUserId());
                        UtcColumns.set(statement, 2, at);
                        return statement.executeUpdate();
                    });
        } catch (RuntimeException e) {
            if (!UtcColumns.isConstraintViolation(e)) {
                throw e;
            }
            moveForward(shopper, at); // a concurrent message of the same shopper inserted the row first
        }
    }

    private int moveForward(WhatsAppAddress shopper, Instant at) {
        return jdbc.prepareStatement("UPDATE whatsapp_contacts SET last_inbound_at = ? WHERE address = ?"
                + " AND last_inbound_at < ?", statement -> {
            UtcColumns.set(statement, 1, at);
            statement.setString(2, shopper.channelUserId());
            UtcColumns.set(statement, 3, at);
            return statement.executeUpdate();
        });
    }

    /** Whether free-form messages may be sent to the shopper at {@code now}. */
    @Connectable
    boolean isOpen(WhatsAppAddress shopper, Instant now) {
        return lastMessage(shopper).map(last -> now.isBefore(last.plus(length))).orElse(false);
    }

    @Connectable
    Optional<Instant> lastMessage(WhatsAppAddress shopper) {
        return jdbc.prepareStatement("SELECT last_inbound_at FROM whatsapp_contacts WHERE address = ?", statement -> {
            statement.setString(1, shopper.channelUserId());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(UtcColumns.get(rows, "last_inbound_at")) : Optional.empty();
            }
        });
    }
}
