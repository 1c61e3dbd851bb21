package dev.parley.channel.webchat;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The open WebSockets by conversation (a shopper may have several tabs open). */
@Singleton
class WebchatConnections {

    private final Map<String, Set<WebchatConnection>> byConversation = new ConcurrentHashMap<>();

    void add(WebchatConnection connection) {
        byConversation.computeIfAbsent(connection.conversationId(), id -> ConcurrentHashMap.newKeySet())
                .add(connection);
    }

    void remove(WebchatConnection connection) {
        byConversation.computeIfPresent(connection.conversationId(), (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Pushes a frame to every open socket of the conversation; returns how many there were. The frame is only
     * written when someone listens (most turns have no socket open: the REST answer carries the replies).
     */
    int push(String conversationId, long seq, Supplier<String> frame) {
        Set<WebchatConnection> connections = byConversation.get(conversationId);
        if (connections == null) {
            return 0;
        }
        String json = frame.get();
        int pushed = 0;
        for (WebchatConnection connection : connections) {
            if (connection.isOpen()) {
                connection.push(seq, json);
                pushed++;
            }
        }
        return pushed;
    }
}
