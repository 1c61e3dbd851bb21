package dev.parley.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An agent's internal note on a conversation (never sent to the shopper); {@code kind} note or transfer. */
@Serdeable
public record Note(String id, String conversationId, @Nullable String escalationId, String agentId, String kind,
                   String text, Instant createdAt) {

    public static final String NOTE = "note";
    public static final String TRANSFER = "transfer";
}
