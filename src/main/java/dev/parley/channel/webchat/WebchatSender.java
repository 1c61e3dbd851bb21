package dev.parley.channel.webchat;

import dev.parley.conversation.ChannelSender;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.message.Channel;
import jakarta.inject.Singleton;

/**
 * Web chat's outbound delivery: pushes the message to the session's open WebSockets. With none open it stays
 * queued; the widget fetches it on reconnect (WebSocket replay or GET .../messages).
 */
@Singleton
class WebchatSender implements ChannelSender {

    private final WebchatConnections connections;
    private final WebchatFrames frames;

    WebchatSender(WebchatConnections connections, WebchatFrames frames) {
        this.connections = connections;
        this.frames = frames;
    }

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public Delivery deliver(Conversation conversation, ConversationMessage message) {
        int pushed = connections.push(conversation.id(), message.seq(), () -> frames.message(message));
        return Delivery.of(pushed > 0 ? DeliveryStatus.SENT : DeliveryStatus.QUEUED);
    }
}
