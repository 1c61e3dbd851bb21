package dev.parley.channel.webchat;

import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.MessagePage;
import dev.parley.message.Channel;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /ws/webchat/{sessionId}?after={seq}}: on open, replays the stored messages with seq above {@code after},
 * then pushes every later message of the conversation ({@code {"type":"message",...}}), bot and agent typing
 * ({@code {"type":"typing",...}}) and state changes ({@code {"type":"state",...}}). The browser may send
 * {@code {"type":"typing","on":true|false}}; anything else it sends is ignored. An unknown session is closed with
 * code 4404, a bad {@code after} with 4400.
 */
@ServerWebSocket("/ws/webchat/{sessionId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebchatSocket {

    private static final Logger LOG = LoggerFactory.getLogger(WebchatSocket.class);
    private static final String CONNECTION = "parley.webchat.connection";
    private static final int REPLAY_PAGE = 100;

    private final ConversationService conversations;
    private final WebchatConnections connections;
    private final WebchatFrames frames;
    private final JsonMapper json;

    WebchatSocket(ConversationService conversations, WebchatConnections connections, WebchatFrames frames,
                  JsonMapper json) {
        this.conversations = conversations;
        this.connections = connections;
        this.frames = frames;
        this.json = json;
    }

    @OnOpen
    void open(String sessionId, WebSocketSession socket) {
        Optional<Conversation> conversation = conversations.findBySession(Channel.WEBCHAT, sessionId);
        if (conversation.isEmpty()) {
            socket.close(new CloseReason(4404, "unknown session"));
            return;
        }
        long after;
        try {
            after = socket.getRequestParameters().getFirst("after").map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            after = -1;
        }
        if (after < 0) {
            socket.close(new CloseReason(4400, "after must be a message seq (0 or more)"));
            return;
        }
        WebchatConnection connection = new WebchatConnection(socket, conversation.get().id());
        socket.put(CONNECTION, connection);
        connections.add(connection); // before reading the history: nothing stored meanwhile can slip through
        List<Long> seqs = new ArrayList<>();
        List<String> history = new ArrayList<>();
        MessagePage page;
        do {
            page = conversations.messages(conversation.get().id(), after, REPLAY_PAGE);
            for (ConversationMessage message : page.messages()) {
                seqs.add(message.seq());
                history.add(frames.message(message));
                after = message.seq();
            }
        } while (page.hasMore());
        connection.replay(seqs, history);
        LOG.debug("WebSocket open on session {}, replayed {}", sessionId, seqs.size());
    }

    @OnMessage
    void message(String sessionId, String frame, WebSocketSession socket) {
        WebchatConnection connection = socket.get(CONNECTION, WebchatConnection.class).orElse(null);
        if (connection == null) {
            return;
        }
        try {
            JsonNode node = json.readValue(frame, JsonNode.class);
            JsonNode type = node.get("type");
            JsonNode on = node.get("on");
            if (type != null && type.isString() && "typing".equals(type.getStringValue()) && on != null
                    && on.isBoolean()) {
                conversations.typing(connection.conversationId(), Author.SHOPPER, on.getBooleanValue());
            }
        } catch (Exception e) {
            LOG.debug("Ignored an unreadable frame on session {}", sessionId);
        }
    }

    @OnClose
    void close(WebSocketSession socket) {
        socket.get(CONNECTION, WebchatConnection.class).ifPresent(connections::remove);
    }
}
