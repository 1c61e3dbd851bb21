package dev.parley.channel.whatsapp;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Locale;

/**
 * One outbound message's way to the Graph API.
 *
 * @param recipient  the shopper's wa_id
 * @param attempts   sends tried so far
 * @param wamid      the id WhatsApp gave the sent message (status reports name it)
 * @param sentAs     how it went out: text, buttons, list or template
 * @param errorCode  the last error: the Graph API's error code, or our own when it was never sent
 */
record OutboxEntry(String messageId, String conversationId, long seq, String phoneNumberId, String recipient,
                   State state, int attempts, Instant nextAttemptAt, @Nullable String wamid, @Nullable String sentAs,
                   @Nullable String errorCode, @Nullable String errorTitle, Instant createdAt, Instant updatedAt) {

    /** pending → sending (claimed, the call is under way) → sent | failed; a retry goes back to pending. */
    enum State {
        PENDING, SENDING, SENT, FAILED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    WhatsAppAddress address() {
        return new WhatsAppAddress(phoneNumberId, recipient);
    }
}
