package dev.parley.testing;

import dev.parley.conversation.ConversationEvent;
import dev.parley.conversation.ConversationListener;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test sources: remembers every conversation event, so tests can assert what was published. */
@Singleton
@Requires(env = "test")
public class RecordingListener implements ConversationListener {

    private final List<ConversationEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(ConversationEvent event) {
        events.add(event);
    }

    public List<ConversationEvent> of(String conversationId) {
        return events.stream().filter(e -> e.conversationId().equals(conversationId)).toList();
    }
}
