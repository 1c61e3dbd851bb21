package dev.parley.channel.whatsapp;

import dev.parley.conversation.ChannelSender;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

/**
 * WhatsApp's outbound delivery: queues the stored message in the outbox (once, however often it is handed over)
 * and wakes the {@link OutboxDispatcher}, which calls the Graph API off the caller's thread. The message stays
 * queued until the dispatcher records it sent or failed.
 */
@Singleton
class WhatsAppSender implements ChannelSender {

    /** Published when a message was queued: the dispatcher sends it without waiting for its next round. */
    record Queued(String messageId) {
    }

    private final WhatsAppOutbox outbox;
    private final ApplicationEventPublisher<Queued> wake;

    WhatsAppSender(WhatsAppOutbox outbox, ApplicationEventPublisher<Queued> wake) {
        this.outbox = outbox;
        this.wake = wake;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public Delivery deliver(Conversation conversation, ConversationMessage message) {
        WhatsAppAddress to = WhatsAppAddress.parse(conversation.channelUserId());
        if (outbox.enqueue(message.id(), conversation.id(), message.seq(), to, UtcColumns.now())) {
            wake.publishEvent(new Queued(message.id()));
        }
        return Delivery.of(DeliveryStatus.QUEUED);
    }
}
