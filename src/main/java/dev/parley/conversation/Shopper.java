package dev.parley.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A person we talk to, whatever the channel.
 *
 * @param id          UUID
 * @param displayName the name to greet them with, when known
 * @param customerId  the site's customer id when the shopper logged in; links identities across channels
 */
@Serdeable
public record Shopper(String id, @Nullable String displayName, @Nullable String customerId, Instant createdAt) {
}
