package dev.parley.handoff;

import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-off end to end over HTTP, against MariaDB and the real NLU: a web chat shopper asks for a person, the
 * conversation is queued with its reasons and the shopper told their place; agents log in, take it, read it with its
 * context, answer through the web chat, transfer, return it to the bot, resolve; the clocks put unanswered
 * conversations back; who may see what; and everything that is not agent or hand-off stays anonymous.
 */
@MicronautTest(transactional = false)
class HandoffApiTest {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    static final String PASSWORD = "correct horse battery";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ConversationService conversations;

    @Inject
    AgentAccounts accounts;

    @Inject
    HandoffQueue queue;

    @Inject
    SlaWatch sla;

    @Inject
    TokenGenerator tokens;

    /** A new agent (unique login) serving the given skills in English. */
    String agent(AgentRole role, String... skills) {
        String id = role.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(id, "Sam " + id, PASSWORD, role, List.of(skills), List.of("en"), 2);
        return id;
    }

    String login(String id) {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/api/agent/login",
                Map.of("username", id, "password", PASSWORD)), JSON);
        assertEquals("Bearer", body.get("tokenType"));
        return (String) body.get("accessToken");
    }

    <T> MutableHttpRequest<T> as(String token, MutableHttpRequest<T> request) {
        return request.bearerAuth(token);
    }

    Map<String, Object> get(String token, String path) {
        return client.toBlocking().retrieve(as(token, HttpRequest.GET(path)), JSON);
    }

    HttpResponse<Map<String, Object>> post(String token, String path, Object body) {
        return client.toBlocking().exchange(as(token, HttpRequest.POST(path, body)), JSON);
    }

    HttpStatus failing(MutableHttpRequest<?> request) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JSON, JSON));
        return error.getStatus();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    /** A web chat shopper who asks for a person: returns the conversation id once it is queued. */
    String shopperAsksForAPerson() throws InterruptedException {
        Map<String, Object> session = client.toBlocking().retrieve(HttpRequest.POST("/api/webchat/sessions", "{}")
                .contentType(MediaType.APPLICATION_JSON), JSON);
        String sessionId = (String) session.get("sessionId");
        client.toBlocking().retrieve(HttpRequest.POST("/api/webchat/sessions/" + sessionId + "/messages",
                "{\"text\":\"/talk_to_human\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}")
                .contentType(MediaType.APPLICATION_JSON), JSON);
        String id = conversations.findBySession(Channel.WEBCHAT, sessionId).orElseThrow().id();
        await("the conversation is queued", () -> conversations.find(id).orElseThrow().state()
                == ConversationState.QUEUED && queue.findOpen(id).isPresent());
        return id;
    }

    List<ConversationMessage> stored(String conversationId) {
        return conversations.messages(conversationId, 0, 200).messages();
    }

    /** Takes until this agent holds the conversation (other tests' conversations may be ahead of it). */
    void takeUntilHolding(String token, String conversationId) {
        for (int i = 0; i < 50; i++) {
            HttpResponse<Map<String, Object>> taken = post(token, "/api/agent/queue/take", Map.of());
            assertEquals(HttpStatus.OK, taken.getStatus(), "something to take");
            String got = (String) taken.body().get("conversationId");
            if (got.equals(conversationId)) {
                return;
            }
            post(token, "/api/agent/conversations/" + got + "/resolve", Map.of("disposition", "test_cleanup"));
        }
        throw new AssertionError("never got " + conversationId);
    }

    @Test
    void aShopperAsksForAPersonAndAnAgentTakesAnswersAndReturnsItToTheBot() throws InterruptedException {
        String agentId = agent(AgentRole.AGENT, "orders", "returns", "payments", "sales");
        String token = login(agentId); // logged in: online, so the shopper hears their place and the wait
        String id = shopperAsksForAPerson();
        Escalation escalation = queue.findOpen(id).orElseThrow();
        assertEquals(EscalationReason.EXPLICIT_REQUEST, escalation.reasonList().get(0).code());
        assertEquals("en", escalation.language());
        ConversationMessage notice = stored(id).stream().filter(m -> m.author() == Author.SYSTEM).findFirst()
                .orElseThrow();
        assertTrue(notice.handoff());
        assertTrue(notice.text().matches("(?s).*\\d.*"), "the shopper is told their place: " + notice.text());

        Map<String, Object> overview = get(token, "/api/agent/queue");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> waiting = (List<Map<String, Object>>) overview.get("waiting");
        assertTrue(waiting.stream().anyMatch(item -> id.equals(item.get("conversationId"))), overview.toString());

        takeUntilHolding(token, id);
        assertEquals(ConversationState.AGENT, conversations.find(id).orElseThrow().state());
        assertEquals(agentId, queue.findOpen(id).orElseThrow().agentId());

        Map<String, Object> detail = get(token, "/api/agent/conversations/" + id);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> transcript = (List<Map<String, Object>>) detail.get("transcript");
        assertEquals(stored(id).size(), transcript.size(), "the full transcript");
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) detail.get("context");
        assertFalse(((List<?>) context.get("escalationReasons")).isEmpty());
        assertFalse(((List<?>) context.get("nluTrace")).isEmpty(), "the NLU trace of the last turns");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> canned = client.toBlocking().retrieve(as(token, HttpRequest.GET(
                "/api/agent/conversations/" + id + "/canned-responses")), Argument.listOf(JSON));
        assertTrue(canned.stream().anyMatch(c -> ((String) c.get("text")).contains("Sam " + agentId)),
                "canned responses are filled in: " + canned);

        Map<String, Object> sent = post(token, "/api/agent/conversations/" + id + "/messages",
                Map.of("text", "Hi, Sam here. How can I help?")).body();
        assertEquals("agent", sent.get("author"));
        ConversationMessage reply = stored(id).stream().filter(m -> m.author() == Author.AGENT).findFirst()
                .orElseThrow();
        assertEquals(agentId, reply.authorId());
        assertNotNull(queue.findOpen(id).orElseThrow().firstReplyAt(), "the first-reply clock stopped");

        post(token, "/api/agent/conversations/" + id + "/notes", Map.of("text", "asked about a refund"));
        assertEquals(1, ((List<?>) get(token, "/api/agent/conversations/" + id).get("notes")).size());

        assertEquals(HttpStatus.NO_CONTENT, post(token, "/api/agent/conversations/" + id + "/return-to-bot",
                Map.of()).getStatus());
        Conversation back = conversations.find(id).orElseThrow();
        assertEquals(ConversationState.BOT, back.state());
        assertFalse(back.needsHuman());
        assertEquals(EscalationStatus.RETURNED, queue.findLatest(id).orElseThrow().status());
        assertEquals(Author.SYSTEM, stored(id).get(stored(id).size() - 1).author(), "the shopper is told");
        assertEquals(0, accounts.find(agentId).orElseThrow().activeCount(), "the agent's place is free again");
    }

    @Test
    void transferResolveAndTheNoAnswerClock() throws InterruptedException {
        String id = shopperAsksForAPerson();
        String first = agent(AgentRole.AGENT, "orders", "returns", "payments", "sales");
        String token = login(first);
        takeUntilHolding(token, id);

        Map<String, Object> transferred = post(token, "/api/agent/conversations/" + id + "/transfer",
                Map.of("skill", "payments", "note", "card charged twice")).body();
        assertEquals("payments", transferred.get("skill"));
        assertEquals(ConversationState.QUEUED, conversations.find(id).orElseThrow().state());
        assertEquals(0, accounts.find(first).orElseThrow().activeCount());

        String payments = agent(AgentRole.AGENT, "payments");
        String paymentsToken = login(payments);
        takeUntilHolding(paymentsToken, id);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) get(paymentsToken,
                "/api/agent/conversations/" + id).get("notes");
        assertEquals("card charged twice", notes.get(0).get("text"), "the transfer note travels with it");

        // the shopper writes, the agent does not answer: past the answer timeout it goes back to the queue
        conversations.postAgentMessage(id, payments, dev.parley.message.Reply.text("Looking into it"));
        queue.agentReplied(queue.findOpen(id).orElseThrow().id(), UtcColumns.now());
        Map<String, Object> session = Map.of("text", "hello? anyone?", "clientMessageId", UUID.randomUUID().toString());
        String sessionId = conversations.find(id).orElseThrow().sessionId();
        client.toBlocking().retrieve(HttpRequest.POST("/api/webchat/sessions/" + sessionId + "/messages", session),
                JSON);
        sla.run(UtcColumns.now().plus(Duration.ofMinutes(6)));
        Escalation requeued = queue.findOpen(id).orElseThrow();
        assertEquals(EscalationStatus.WAITING, requeued.status());
        assertEquals(1 + 1, requeued.requeueCount(), "transferred once, then back after no answer");
        assertEquals(0, accounts.find(payments).orElseThrow().activeCount());

        takeUntilHolding(paymentsToken, id);
        assertEquals(HttpStatus.NO_CONTENT, post(paymentsToken, "/api/agent/conversations/" + id + "/resolve",
                Map.of("disposition", "refund_issued")).getStatus());
        assertEquals(ConversationState.CLOSED, conversations.find(id).orElseThrow().state());
        Escalation resolved = queue.findLatest(id).orElseThrow();
        assertEquals(EscalationStatus.RESOLVED, resolved.status());
        assertEquals("refund_issued", resolved.disposition());

        Map<String, Object> stats = get(paymentsToken, "/api/handoff/stats");
        assertNotNull(stats.get("queueLength"));
        assertTrue(((Number) stats.get("escalations")).intValue() >= 1);
        assertTrue(((Number) stats.get("handoffRate")).doubleValue() > 0);
        assertTrue(((List<?>) stats.get("agents")).size() >= 2);
    }

    @Test
    void agentAndHandoffPathsNeedAValidTokenAndAnAgentSeesOnlyTheirOwn() throws InterruptedException {
        assertEquals(HttpStatus.UNAUTHORIZED, failing(HttpRequest.GET("/api/agent/queue")));
        assertEquals(HttpStatus.UNAUTHORIZED, failing(HttpRequest.GET("/api/handoff/stats")));
        assertEquals(HttpStatus.UNAUTHORIZED, failing(HttpRequest.GET("/ws/agent/console")),
                "the console's socket too");
        assertEquals(HttpStatus.UNAUTHORIZED, failing(HttpRequest.POST("/api/agent/login",
                Map.of("username", "nobody", "password", "wrong-password"))));
        assertEquals(HttpStatus.UNAUTHORIZED, failing(HttpRequest.GET("/api/agent/queue")
                .bearerAuth("not.a.token")));

        String owner = agent(AgentRole.AGENT, "orders", "returns", "payments", "sales");
        String ownerToken = login(owner);
        String id = shopperAsksForAPerson();
        takeUntilHolding(ownerToken, id);

        String other = agent(AgentRole.AGENT, "orders", "returns", "payments", "sales");
        String otherToken = login(other);
        assertEquals(HttpStatus.FORBIDDEN, failing(as(otherToken, HttpRequest.GET("/api/agent/conversations/"
                + id))));
        assertEquals(HttpStatus.FORBIDDEN, failing(as(otherToken, HttpRequest.POST("/api/agent/conversations/"
                + id + "/messages", Map.of("text", "hijack")))));
        assertEquals(HttpStatus.FORBIDDEN, failing(as(otherToken, HttpRequest.GET("/api/handoff/agents"))),
                "only supervisors manage agents");

        String supervisor = agent(AgentRole.SUPERVISOR, "*");
        String supervisorToken = login(supervisor);
        assertEquals(id, get(supervisorToken, "/api/agent/conversations/" + id).get("conversationId"),
                "a supervisor sees every conversation");

        // issued tokens are signed (HS256); an unsigned token with the same claims is refused
        String header = new String(Base64.getUrlDecoder().decode(ownerToken.split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"HS256\""), header);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"sub\":\"" + owner + "\",\"roles\":[\"supervisor\"],\"exp\":"
                + Instant.now().plusSeconds(3600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + ".";
        assertEquals(HttpStatus.UNAUTHORIZED, failing(as(unsigned, HttpRequest.GET("/api/agent/queue"))));
        String forged = ownerToken.substring(0, ownerToken.lastIndexOf('.') + 1) + base64.encodeToString(
                "not the signature".getBytes(StandardCharsets.UTF_8));
        assertEquals(HttpStatus.UNAUTHORIZED, failing(as(forged, HttpRequest.GET("/api/agent/queue"))));

        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = tokens.generateToken(Map.of("sub", owner, "roles", List.of("agent"),
                "iat", past.minusSeconds(60).getEpochSecond(), "exp", past.getEpochSecond())).orElseThrow();
        assertEquals(HttpStatus.UNAUTHORIZED, failing(as(expired, HttpRequest.GET("/api/agent/queue"))));
        assertEquals(HttpStatus.UNAUTHORIZED, failing(as(expired, HttpRequest.GET("/api/agent/conversations/"
                + id))));
    }

    @Test
    void everythingElseStaysAnonymous() {
        HttpResponse<Map<String, Object>> session = client.toBlocking().exchange(HttpRequest.POST(
                "/api/webchat/sessions", "{}").contentType(MediaType.APPLICATION_JSON), JSON);
        assertEquals(HttpStatus.CREATED, session.getStatus(), "web chat without a token");
        String sessionId = (String) session.body().get("sessionId");
        Map<String, Object> turn = client.toBlocking().retrieve(HttpRequest.POST("/api/webchat/sessions/"
                + sessionId + "/messages", Map.of("text", "hi", "clientMessageId", "a-1")), JSON);
        assertNotNull(turn);
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/api/ping"), JSON).getStatus());
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/console/"), String.class)
                .getStatus(), "the console page itself (it logs in through the API)");
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/webchat/parley-widget.js"),
                String.class).getStatus());
        // channel webhooks reach their own checks (which answer 403 / 400), never the agents' token check (401)
        assertEquals(HttpStatus.FORBIDDEN, failing(HttpRequest.GET("/api/whatsapp/webhook?hub.mode=subscribe"
                + "&hub.verify_token=wrong&hub.challenge=42")), "WhatsApp's verify-token check answered");
        assertEquals(HttpStatus.BAD_REQUEST, failing(HttpRequest.POST("/api/voice/alexa", Map.of())),
                "Alexa's request verification answered");
    }
}
