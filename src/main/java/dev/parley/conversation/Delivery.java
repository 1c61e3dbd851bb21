package dev.parley.conversation;

import io.micronaut.core.annotation.Nullable;

/**
 * The result of handing a message to a channel.
 *
 * @param channelMessageId the provider's id of the sent message (WhatsApp wamid), for later status reports
 */
public record Delivery(DeliveryStatus status, @Nullable String channelMessageId) {

    public static Delivery of(DeliveryStatus status) {
        return new Delivery(status, null);
    }
}
