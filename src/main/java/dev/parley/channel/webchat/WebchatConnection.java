package dev.parley.channel.webchat;

import io.micronaut.websocket.WebSocketSession;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One browser's WebSocket for one session. It is registered before the history replay starts, so nothing stored
 * meanwhile is missed: frames pushed during the replay wait, and afterwards the ones the replay already sent are
 * dropped. Sends are asynchronous and happen under this object's lock, in the order they were pushed.
 */
final class WebchatConnection {

    /** A frame, and the seq of the message it carries (0 for typing and state frames). */
    private record Frame(long seq, String json) {
    }

    private final WebSocketSession socket;
    private final String conversationId;
    private boolean replaying = true;
    private final List<Frame> waiting = new ArrayList<>();

    WebchatConnection(WebSocketSession socket, String conversationId) {
        this.socket = socket;
        this.conversationId = conversationId;
    }

    String conversationId() {
        return conversationId;
    }

    WebSocketSession socket() {
        return socket;
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    synchronized void push(long seq, String json) {
        if (replaying) {
            waiting.add(new Frame(seq, json));
        } else {
            send(json);
        }
    }

    /** Sends the history (message frames with their seqs), then what was pushed meanwhile and is not in it. */
    synchronized void replay(List<Long> seqs, List<String> frames) {
        Set<Long> replayed = new HashSet<>(seqs);
        frames.forEach(this::send);
        for (Frame frame : waiting) {
            if (frame.seq() == 0 || !replayed.contains(frame.seq())) {
                send(frame.json());
            }
        }
        waiting.clear();
        replaying = false;
    }

    private void send(String json) {
        if (socket.isOpen()) {
            socket.sendAsync(json);
        }
    }
}
