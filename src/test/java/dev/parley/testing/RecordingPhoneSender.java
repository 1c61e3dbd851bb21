package dev.parley.testing;

import dev.parley.conversation.ChannelSender;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.message.Channel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test sources, only where a test sets {@code parley.test.phone-sender=true}: a ChannelSender for the phone channel
 * that records what it was asked to deliver and answers like a provider (sent, with a provider message id).
 */
@Singleton
@Requires(env = "test")
@Requires(property = "parley.test.phone-sender", value = "true")
public class RecordingPhoneSender implements ChannelSender {

    public final List<ConversationMessage> delivered = new CopyOnWriteArrayList<>();

    @Override
    public Channel channel() {
        return Channel.PHONE;
    }

    @Override
    public Delivery deliver(Conversation conversation, ConversationMessage message) {
        delivered.add(message);
        return new Delivery(DeliveryStatus.SENT, "provider-" + message.id());
    }
}
