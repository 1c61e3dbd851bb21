package dev.parley.handoff;

import dev.parley.conversation.Author;
import dev.parley.conversation.ConversationEvent;
import dev.parley.conversation.ConversationListener;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the agent consoles live: every state change (a conversation queued, taken, transferred, returned, resolved)
 * tells all consoles to refresh their queue; messages and the shopper's typing go to the console of the agent who
 * holds the conversation, and to supervisors.
 */
@Singleton
class ConsoleRelay implements ConversationListener {

    private final ConsoleConnections consoles;
    private final HandoffQueue queue;
    private final JsonMapper json;

    ConsoleRelay(ConsoleConnections consoles, HandoffQueue queue, JsonMapper json) {
        this.consoles = consoles;
        this.queue = queue;
        this.json = json;
    }

    @Override
    public void on(ConversationEvent event) {
        if (consoles.isEmpty()) {
            return;
        }
        if (event instanceof ConversationEvent.StateChanged changed) {
            consoles.push(frame(Map.of("type", "queue", "conversationId", changed.conversationId(),
                    "state", changed.to().id())), console -> true);
        } else if (event instanceof ConversationEvent.MessageStored stored) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", "message");
            frame.put("conversationId", stored.conversationId());
            frame.put("message", AgentViews.MessageLine.of(stored.message()));
            toHolder(stored.conversationId(), frame(frame));
        } else if (event instanceof ConversationEvent.TypingChanged typing && typing.author() == Author.SHOPPER) {
            toHolder(typing.conversationId(), frame(Map.of("type", "typing", "conversationId",
                    typing.conversationId(), "on", typing.on())));
        }
    }

    private void toHolder(String conversationId, String frame) {
        Optional<String> holder = queue.findOpen(conversationId).map(Escalation::agentId);
        consoles.push(frame, console -> console.supervisor() || holder.map(console.agentId()::equals).orElse(false));
    }

    private String frame(Map<String, ?> content) {
        try {
            return json.writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
