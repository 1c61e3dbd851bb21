package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One webhook POST, checked and flattened: the messages shoppers sent and the status reports of ours, each with
 * the number it concerns.
 */
record WebhookDelivery(List<Message> messages, List<Status> statuses) {

    /**
     * A shopper's message.
     *
     * @param body        the message object as WhatsApp sent it ({@code type} and its part: text, interactive, ...)
     * @param displayName the shopper's profile name from {@code contacts}, when given
     */
    record Message(String phoneNumberId, String from, String wamid, Instant timestamp, String type, JsonNode body,
                   @Nullable String displayName) {

        WhatsAppAddress address() {
            return new WhatsAppAddress(phoneNumberId, from);
        }
    }

    /**
     * A status report of a message we sent.
     *
     * @param status sent, delivered, read or failed (others are left out)
     */
    record Status(String phoneNumberId, String wamid, String status, Instant timestamp, @Nullable String errorCode,
                  @Nullable String errorTitle) {
    }

    Set<String> phoneNumberIds() {
        return Stream.concat(messages.stream().map(Message::phoneNumberId), statuses.stream()
                .map(Status::phoneNumberId)).collect(java.util.stream.Collectors.toSet());
    }
}
