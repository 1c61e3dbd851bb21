package dev.parley.testing;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Test sources: counts committed rows, to check what a request stored (or did not). */
@Singleton
public class Rows {

    private final TransactionOperations<Connection> transactions;

    Rows(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The single number a {@code SELECT COUNT(*) ... WHERE x = ?} returns. */
    public long count(String sql, String parameter) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setString(1, parameter);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** The first column of the first row a {@code SELECT x ... WHERE y = ?} returns, or null without rows. */
    public String value(String sql, String parameter) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setString(1, parameter);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
    }

    public long messagesIn(String conversationId) {
        return count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", conversationId);
    }
}
