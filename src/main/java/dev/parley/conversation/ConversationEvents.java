package dev.parley.conversation;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Fans conversation events out to every {@link ConversationListener} bean. */
@Singleton
public class ConversationEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationEvents.class);

    private final List<ConversationListener> listeners;

    ConversationEvents(List<ConversationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void publish(ConversationEvent event) {
        for (ConversationListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} failed on {} for conversation {}", listener.getClass().getSimpleName(),
                        event.getClass().getSimpleName(), event.conversationId(), e);
            }
        }
    }
}
