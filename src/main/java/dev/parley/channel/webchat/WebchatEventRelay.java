package dev.parley.channel.webchat;

import dev.parley.conversation.Author;
import dev.parley.conversation.ConversationEvent;
import dev.parley.conversation.ConversationListener;
import dev.parley.conversation.Direction;
import dev.parley.message.Channel;
import jakarta.inject.Singleton;

/**
 * Relays conversation events to the session's WebSockets: the shopper's own messages (so other tabs show them),
 * bot and agent typing, and state changes. Outbound messages arrive through {@link WebchatSender}.
 */
@Singleton
class WebchatEventRelay implements ConversationListener {

    private final WebchatConnections connections;
    private final WebchatFrames frames;

    WebchatEventRelay(WebchatConnections connections, WebchatFrames frames) {
        this.connections = connections;
        this.frames = frames;
    }

    @Override
    public void on(ConversationEvent event) {
        if (event instanceof ConversationEvent.MessageStored stored) {
            if (stored.conversation().channel() == Channel.WEBCHAT
                    && stored.message().direction() == Direction.INBOUND) {
                connections.push(stored.conversationId(), stored.message().seq(),
                        () -> frames.message(stored.message()));
            }
        } else if (event instanceof ConversationEvent.TypingChanged typing) {
            if (typing.author() == Author.BOT || typing.author() == Author.AGENT) {
                connections.push(typing.conversationId(), 0, () -> frames.typing(typing.author().id(), typing.on()));
            }
        } else if (event instanceof ConversationEvent.StateChanged changed) {
            connections.push(changed.conversationId(), 0, () -> frames.state(changed.to()));
        }
    }
}
