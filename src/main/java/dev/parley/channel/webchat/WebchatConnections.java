package dev.parley.channel.webchat;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Pushes a frame to every open socket of the conversation; returns how many there were. */
    int push(String conversationId, long seq, String json) {
        Set<WebchatConnection> connections = byConversation.get(conversationId);
        if (connections == null) {
            return 0;
        }
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
