package dev.parley.channel.webchat;

import dev.parley.conversation.Author;
import dev.parley.conversation.ConversationEvent;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.message.OfferCard;
import dev.parley.message.Reply;
import dev.parley.testing.RecordingListener;
import dev.parley.testing.Rows;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import io.micronaut.websocket.annotation.ClientWebSocket;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web chat API over HTTP and WebSocket against MariaDB, with the real NLU pipeline and intents/. */
@MicronautTest(transactional = false)
@Property(name = "parley.webchat.rate-limit-per-minute", value = "12")
class WebchatApiTest {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("/")
    WebSocketClient sockets;

    @Inject
    ConversationService conversations;

    @Inject
    RecordingListener listener;

    @Inject
    Rows rows;

    @Inject
    JsonMapper json;

    /** A browser's WebSocket: collects the frames it receives. */
    @ClientWebSocket
    abstract static class Browser implements AutoCloseable {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @OnMessage
        void onMessage(String frame) {
            frames.add(frame);
        }

        @OnClose
        void onClose() {
            closed.countDown();
        }

        abstract void send(String frame);
    }

    Map<String, Object> startSession(String body) {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(
                HttpRequest.POST("/api/webchat/sessions", body).contentType(MediaType.APPLICATION_JSON), JSON);
        assertEquals(HttpStatus.CREATED, response.getStatus());
        return response.body();
    }

    String newSession() {
        return (String) startSession("{}").get("sessionId");
    }

    Map<String, Object> send(String session, String body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/webchat/sessions/" + session + "/messages", body)
                .contentType(MediaType.APPLICATION_JSON), JSON);
    }

    /** The status and JSON error body of a request that must fail. */
    Map<String, Object> failing(HttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JSON, JSON));
        assertEquals(expected, error.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, error.getResponse().getContentType().orElseThrow());
        Map<String, Object> body = error.getResponse().getBody(JSON).orElseThrow();
        assertNotNull(body.get("error"));
        assertNotNull(body.get("message"));
        return body;
    }

    Map<String, Object> badMessage(String session, byte[] body, HttpStatus expected) {
        return failing(HttpRequest.POST("/api/webchat/sessions/" + session + "/messages", body)
                .contentType(MediaType.APPLICATION_JSON), expected);
    }



    Browser connect(String session, long after) {
        return Mono.from(sockets.connect(Browser.class, URI.create("/ws/webchat/" + session + "?after=" + after)))
                .block(Duration.ofSeconds(10));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> nextFrame(Browser browser) throws Exception {
        String frame = browser.frames.poll(10, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame arrived");
        return json.readValue(frame, Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> message(Map<String, Object> frame) {
        assertEquals("message", frame.get("type"), frame.toString());
        return (Map<String, Object>) frame.get("message");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSessionStartsWithAGreetingAndTheSameVisitorIsTheSameShopper() {
        Map<String, Object> started = startSession("{\"locale\":\"en-GB\",\"name\":\"Dana\"}");
        String visitorId = (String) started.get("visitorId");
        assertNotNull(visitorId);
        Map<String, Object> greeting = (Map<String, Object>) started.get("greeting");
        assertTrue(((String) greeting.get("text")).contains("Dana"), (String) greeting.get("text"));
        assertEquals(1, ((Number) greeting.get("seq")).intValue());
        assertEquals("outbound", greeting.get("direction"));
        assertEquals("bot", greeting.get("author"));
        assertEquals(List.of(), greeting.get("quickReplies"));
        assertEquals(List.of(), greeting.get("offers"));
        assertFalse(greeting.containsKey("clientMessageId"));
        Instant.parse((String) greeting.get("createdAt"));

        Map<String, Object> again = startSession("{\"visitorId\":\"" + visitorId + "\"}");
        assertEquals(visitorId, again.get("visitorId"));
        String first = conversations.find((String) started.get("sessionId")).orElseThrow().shopperId();
        String second = conversations.find((String) again.get("sessionId")).orElseThrow().shopperId();
        assertEquals(first, second);
        assertFalse(started.get("sessionId").equals(again.get("sessionId")));
        // no body at all is a session with defaults too
        HttpResponse<Map<String, Object>> empty = client.toBlocking().exchange(
                HttpRequest.POST("/api/webchat/sessions", new byte[0]), JSON);
        assertEquals(HttpStatus.CREATED, empty.getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMessageIsAnsweredAndRetriesReturnTheSameOutcome() {
        String session = newSession();
        Map<String, Object> turn = send(session, "{\"text\":\" where is my order PA-123456 \","
                + "\"clientMessageId\":\"m-1\"}");
        Map<String, Object> message = (Map<String, Object>) turn.get("message");
        assertEquals("where is my order PA-123456", message.get("text"));
        assertEquals("inbound", message.get("direction"));
        assertEquals("shopper", message.get("author"));
        assertEquals("m-1", message.get("clientMessageId"));
        assertEquals(2, ((Number) message.get("seq")).intValue());
        List<Map<String, Object>> replies = (List<Map<String, Object>>) turn.get("replies");
        assertEquals(1, replies.size());
        String answer = (String) replies.get(0).get("text");
        assertTrue(answer.contains("PA-123456") && answer.contains("shipped"), answer);
        assertEquals(Map.of("title", "Track my parcel", "payload", "Track my parcel"),
                ((List<Object>) replies.get(0).get("quickReplies")).get(0));

        for (int i = 0; i < 3; i++) {
            Map<String, Object> retry = send(session, "{\"text\":\"where is my order PA-123456\","
                    + "\"clientMessageId\":\"m-1\"}");
            assertEquals(message.get("id"), ((Map<String, Object>) retry.get("message")).get("id"));
            assertEquals(replies.get(0).get("id"),
                    ((List<Map<String, Object>>) retry.get("replies")).get(0).get("id"));
        }
        assertEquals(3, rows.messagesIn(session));
    }

    @Test
    @SuppressWarnings("unchecked")
    void tenConcurrentRetriesOfOneMessageMakeOneTurnAndOneReply() throws Exception {
        String session = newSession();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Map<String, Object>>> posts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                posts.add(pool.submit(() -> {
                    go.await();
                    return send(session, "{\"text\":\"show me sneakers\",\"clientMessageId\":\"same\"}");
                }));
            }
            go.countDown();
            List<Object> replyIds = new ArrayList<>();
            for (Future<Map<String, Object>> post : posts) {
                replyIds.add(((List<Map<String, Object>>) post.get(30, TimeUnit.SECONDS).get("replies")).get(0)
                        .get("id"));
            }
            assertEquals(1, replyIds.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rows.count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND direction = 'inbound'",
                session));
        assertEquals(1, rows.count("SELECT COUNT(DISTINCT reply_to_id) FROM messages WHERE conversation_id = ?"
                + " AND reply_to_id IS NOT NULL", session), "one turn");
        assertEquals(2 + rows.count("SELECT COUNT(*) FROM messages WHERE reply_to_id IS NOT NULL AND"
                + " conversation_id = ?", session), rows.messagesIn(session));
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyPagesBySeq() {
        String session = newSession();
        send(session, "{\"text\":\"hi\"}");
        send(session, "{\"text\":\"thanks\"}");
        Map<String, Object> all = client.toBlocking().retrieve(HttpRequest.GET("/api/webchat/sessions/" + session + "/messages"), JSON);
        List<Map<String, Object>> messages = (List<Map<String, Object>>) all.get("messages");
        assertEquals(List.of(1, 2, 3, 4, 5), messages.stream().map(m -> ((Number) m.get("seq")).intValue()).toList());
        assertEquals(false, all.get("hasMore"));
        Map<String, Object> page = client.toBlocking().retrieve(HttpRequest.GET("/api/webchat/sessions/" + session
                + "/messages?after=1&limit=2"), JSON);
        assertEquals(List.of(2, 3), ((List<Map<String, Object>>) page.get("messages")).stream()
                .map(m -> ((Number) m.get("seq")).intValue()).toList());
        assertEquals(true, page.get("hasMore"));
    }

    @Test
    void theWebSocketReplaysThenPushesLiveMessagesTypingAndStateChanges() throws Exception {
        String session = newSession();
        send(session, "{\"text\":\"hi\",\"clientMessageId\":\"w-1\"}");
        try (Browser browser = connect(session, 1)) {
            // replay: what came after seq 1
            assertEquals(2, ((Number) message(nextFrame(browser)).get("seq")).intValue());
            assertEquals(3, ((Number) message(nextFrame(browser)).get("seq")).intValue());

            send(session, "{\"text\":\"thanks\",\"clientMessageId\":\"w-2\"}");
            Map<String, Object> echo = message(nextFrame(browser));
            assertEquals("w-2", echo.get("clientMessageId"));
            assertEquals(Map.of("type", "typing", "author", "bot", "on", true), nextFrame(browser));
            Map<String, Object> reply = message(nextFrame(browser));
            assertEquals("bot", reply.get("author"));
            assertEquals(5, ((Number) reply.get("seq")).intValue());
            assertEquals(Map.of("type", "typing", "author", "bot", "on", false), nextFrame(browser));

            // a reply that comes later, from an agent, arrives live with its offer card
            conversations.transition(session, ConversationState.QUEUED, "test");
            assertEquals(Map.of("type", "state", "state", "queued"), nextFrame(browser));
            conversations.transition(session, ConversationState.AGENT, "test");
            assertEquals(Map.of("type", "state", "state", "agent"), nextFrame(browser));
            conversations.typing(session, Author.AGENT, true);
            assertEquals(Map.of("type", "typing", "author", "agent", "on", true), nextFrame(browser));
            conversations.postAgentMessage(session, "agent-7", new Reply("Sam here. 10% off for the wait:", List.of(),
                    List.of(new OfferCard("o-1", "d-1", "10% off", "Your next order", "SAVE10", "SKU-0001",
                            new BigDecimal("69.29"), "EUR", null, null)), true, false));
            Map<String, Object> agent = message(nextFrame(browser));
            assertEquals("agent", agent.get("author"));
            @SuppressWarnings("unchecked")
            Map<String, Object> offer = ((List<Map<String, Object>>) agent.get("offers")).get(0);
            assertEquals("SAVE10", offer.get("couponCode"));
            assertEquals(DeliveryStatus.SENT, conversations.messages(session,
                    ((Number) agent.get("seq")).longValue() - 1, 1).messages().get(0).deliveryStatus(),
                    "pushed over an open socket: sent");

            // the browser's typing indicator is relayed to listeners (for the agent console)
            browser.send("{\"type\":\"typing\",\"on\":true}");
            browser.send("not json at all");
            long deadline = System.currentTimeMillis() + 10_000;
            while (listener.of(session).stream().noneMatch(e -> e instanceof ConversationEvent.TypingChanged t
                    && t.author() == Author.SHOPPER && t.on()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(listener.of(session).stream().anyMatch(e -> e instanceof ConversationEvent.TypingChanged t
                    && t.author() == Author.SHOPPER && t.on()));
        }
    }

    @Test
    void aSocketForAnUnknownSessionIsClosed() throws Exception {
        try (Browser browser = connect("no-such-session", 0)) {
            assertTrue(browser.closed.await(10, TimeUnit.SECONDS));
            assertNull(browser.frames.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void badInputIsA4xxJsonErrorAndStoresNothing() {
        String session = newSession();
        long before = rows.messagesIn(session);
        byte[] notUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals("invalid_encoding", badMessage(session, notUtf8, HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("malformed_json", badMessage(session, bytes("{\"text\": \"hi\""), HttpStatus.BAD_REQUEST)
                .get("error"));
        assertEquals("invalid_request", badMessage(session, bytes("[1,2]"), HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("missing_body", badMessage(session, new byte[0], HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("missing_text", badMessage(session, bytes("{}"), HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("empty_text", badMessage(session, bytes("{\"text\":\"\"}"), HttpStatus.BAD_REQUEST)
                .get("error"));
        assertEquals("empty_text", badMessage(session, bytes("{\"text\":\"  \\n \"}"), HttpStatus.BAD_REQUEST)
                .get("error"));
        assertEquals("invalid_text", badMessage(session, bytes("{\"text\":42}"), HttpStatus.BAD_REQUEST)
                .get("error"));
        assertEquals("invalid_text", badMessage(session, bytes("{\"text\":\"a\\u0000b\"}"), HttpStatus.BAD_REQUEST)
                .get("error"));
        assertEquals("invalid_text", badMessage(session, bytes("{\"text\":\"broken \\ud800 surrogate\"}"),
                HttpStatus.BAD_REQUEST).get("error"));
        String tooLong = "x".repeat(2001);
        assertEquals("text_too_long", badMessage(session, bytes("{\"text\":\"" + tooLong + "\"}"),
                HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("invalid_client_message_id", badMessage(session,
                bytes("{\"text\":\"hi\",\"clientMessageId\":\"has spaces\"}"), HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("invalid_payload", badMessage(session, bytes("{\"text\":\"hi\",\"payload\":{}}"),
                HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("unknown_session", badMessage("no-such-session", bytes("{\"text\":\"hi\"}"),
                HttpStatus.NOT_FOUND).get("error"));
        assertEquals(before, rows.messagesIn(session), "nothing stored for rejected requests");

        // the limit counts UTF-16 characters as the NLU does: an emoji is two
        assertEquals("text_too_long", badMessage(session, bytes("{\"text\":\"" + "x".repeat(1999) + "👋\"}"),
                HttpStatus.BAD_REQUEST).get("error"));
        String atLimit = "x".repeat(1998) + "👋";
        assertEquals(atLimit, ((Map<?, ?>) send(session, "{\"text\":\"" + atLimit + "\"}").get("message"))
                .get("text"));
    }

    @Test
    void badSessionRequestsAndQueryValuesAreA4xxJsonError() {
        assertEquals("malformed_json", failing(HttpRequest.POST("/api/webchat/sessions", "{nope")
                .contentType(MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("invalid_visitor_id", failing(HttpRequest.POST("/api/webchat/sessions",
                "{\"visitorId\":\"<script>\"}").contentType(MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST)
                .get("error"));
        assertEquals("invalid_locale", failing(HttpRequest.POST("/api/webchat/sessions",
                "{\"locale\":\"english please\"}").contentType(MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST)
                .get("error"));
        assertEquals("invalid_name", failing(HttpRequest.POST("/api/webchat/sessions",
                "{\"name\":\"" + "n".repeat(101) + "\"}").contentType(MediaType.APPLICATION_JSON),
                HttpStatus.BAD_REQUEST).get("error"));
        String session = newSession();
        assertEquals("invalid_limit", failing(HttpRequest.GET("/api/webchat/sessions/" + session
                + "/messages?limit=101"), HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("invalid_after", failing(HttpRequest.GET("/api/webchat/sessions/" + session
                + "/messages?after=-1"), HttpStatus.BAD_REQUEST).get("error"));
        // Micronaut's own conversion and routing errors come out in the same shape
        assertEquals("invalid_parameter", failing(HttpRequest.GET("/api/webchat/sessions/" + session
                + "/messages?limit=abc"), HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("unknown_session", failing(HttpRequest.GET("/api/webchat/sessions/nope/messages"),
                HttpStatus.NOT_FOUND).get("error"));
        assertEquals("not_found", failing(HttpRequest.GET("/api/webchat/nothing-here"), HttpStatus.NOT_FOUND)
                .get("error"));
        // a JSON body Micronaut binds itself (a test controller): parse and type errors in our shape too
        assertEquals("malformed_json", failing(HttpRequest.POST("/test/echo", "{\"word\":")
                .contentType(MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST).get("error"));
        assertEquals("method_not_allowed", failing(HttpRequest.DELETE("/api/webchat/sessions/" + session
                + "/messages"), HttpStatus.METHOD_NOT_ALLOWED).get("error"));
    }

    @Test
    void tooManyMessagesPerSessionAre429() {
        String session = newSession();
        for (int i = 0; i < 12; i++) {
            send(session, "{\"text\":\"thanks\",\"clientMessageId\":\"r-" + i + "\"}");
        }
        long before = rows.messagesIn(session);
        HttpClientResponseException limited = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/webchat/sessions/" + session + "/messages",
                        "{\"text\":\"thanks\"}").contentType(MediaType.APPLICATION_JSON), JSON, JSON));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
        assertEquals("rate_limited", limited.getResponse().getBody(JSON).orElseThrow().get("error"));
        assertTrue(Integer.parseInt(limited.getResponse().header("Retry-After")) >= 1);
        assertEquals(before, rows.messagesIn(session));
        // a retry of a message already stored is not a new message: still answered
        assertEquals("r-3", ((Map<?, ?>) send(session, "{\"text\":\"thanks\",\"clientMessageId\":\"r-3\"}")
                .get("message")).get("clientMessageId"));
        // other sessions are not affected
        send(newSession(), "{\"text\":\"hi\"}");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
