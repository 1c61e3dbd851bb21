package dev.parley.handoff;

import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The agent consoles' open WebSockets, with who is behind each. */
@Singleton
class ConsoleConnections {

    /** One console: its socket and its agent. */
    record Console(WebSocketSession socket, String agentId, boolean supervisor) {
    }

    private final Map<String, Console> byId = new ConcurrentHashMap<>();

    void add(Console console) {
        byId.put(console.socket().getId(), console);
    }

    void remove(WebSocketSession socket) {
        byId.remove(socket.getId());
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Sends a frame to the open consoles that pass the filter. */
    void push(String frame, Predicate<Console> to) {
        for (Console console : byId.values()) {
            if (console.socket().isOpen() && to.test(console)) {
                console.socket().sendAsync(frame);
            }
        }
    }
}
