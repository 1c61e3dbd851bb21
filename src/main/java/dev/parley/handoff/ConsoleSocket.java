package dev.parley.handoff;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

import java.util.Optional;

/**
 * {@code /ws/agent/console?access_token=JWT}: the console's live channel (browsers cannot set headers on a
 * WebSocket, so the token comes as a query parameter; see {@link QueryTokenReader}). The server pushes
 * {@code queue}, {@code message} and {@code typing} frames (see {@link ConsoleRelay}); the console sends
 * {@code {"type":"ping"}} now and then, which keeps its agent online.
 */
@ServerWebSocket("/ws/agent/console")
@Secured({AgentRole.AGENT_ID, AgentRole.SUPERVISOR_ID})
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleSocket {

    private static final String AGENT = "parley.console.agent";

    private final ConsoleConnections consoles;
    private final AgentAccounts accounts;
    private final AgentPresence presence;
    private final JsonMapper json;

    ConsoleSocket(ConsoleConnections consoles, AgentAccounts accounts, AgentPresence presence, JsonMapper json) {
        this.consoles = consoles;
        this.accounts = accounts;
        this.presence = presence;
        this.json = json;
    }

    @OnOpen
    void open(WebSocketSession socket, HttpRequest<?> request) {
        Optional<Agent> agent = request.getUserPrincipal(Authentication.class)
                .flatMap(authentication -> accounts.find(authentication.getName()));
        if (agent.isEmpty()) {
            socket.close(new CloseReason(4401, "not logged in"));
            return;
        }
        socket.put(AGENT, agent.get().id());
        consoles.add(new ConsoleConnections.Console(socket, agent.get().id(), agent.get().isSupervisor()));
        presence.seen(agent.get().id());
        socket.sendAsync("{\"type\":\"hello\",\"agentId\":\"" + agent.get().id() + "\"}");
    }

    @OnMessage
    void message(String frame, WebSocketSession socket) {
        socket.get(AGENT, String.class).ifPresent(agentId -> {
            try {
                JsonNode type = json.readValue(frame, JsonNode.class).get("type");
                if (type != null && type.isString() && "ping".equals(type.getStringValue())) {
                    presence.seen(agentId);
                }
            } catch (Exception e) {
                // an unreadable frame is ignored
            }
        });
    }

    @OnClose
    void close(WebSocketSession socket) {
        consoles.remove(socket);
    }
}
