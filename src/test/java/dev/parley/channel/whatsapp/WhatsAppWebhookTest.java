package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.message.Channel;
import dev.parley.message.InboundMessage;
import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import dev.parley.message.Reply;
import dev.parley.testing.FakeGraphApi;
import dev.parley.testing.FakeGraphApi.Failure;
import dev.parley.testing.Rows;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static dev.parley.testing.WhatsAppWebhooks.buttonReply;
import static dev.parley.testing.WhatsAppWebhooks.failedStatus;
import static dev.parley.testing.WhatsAppWebhooks.listReply;
import static dev.parley.testing.WhatsAppWebhooks.message;
import static dev.parley.testing.WhatsAppWebhooks.signature;
import static dev.parley.testing.WhatsAppWebhooks.status;
import static dev.parley.testing.WhatsAppWebhooks.statuses;
import static dev.parley.testing.WhatsAppWebhooks.templateButton;
import static dev.parley.testing.WhatsAppWebhooks.text;
import static dev.parley.testing.WhatsAppWebhooks.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WhatsApp channel end to end: HMAC-signed webhook requests over HTTP to the running service (MariaDB, the real
 * NLU and intents/), replies sent to a fake Graph API that is a real HTTP server on the loopback interface. The
 * test numbers are src/test/resources/whatsapp; their secrets come from the environment (pom.xml).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatsAppWebhookTest implements TestPropertyProvider {

    static final String A = "111111111111111";
    static final String B = "222222222222222";
    static final String SECRET_A = "test-app-secret-a";
    static final String SECRET_B = "test-app-secret-b";
    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final FakeGraphApi graph = startGraph();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ConversationService conversations;

    @Inject
    ConversationWindow window;

    @Inject
    Rows rows;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "parley.whatsapp.numbers-dir", "src/test/resources/whatsapp",
                "parley.whatsapp.graph-base-url", graph.url(),
                "parley.whatsapp.graph-version", "v99.0",
                "parley.whatsapp.graph-timeout", "3s",
                "parley.whatsapp.retry-backoff", "200ms",
                "parley.whatsapp.max-retry-backoff", "1s",
                "parley.whatsapp.outbox-poll-interval", "200ms",
                "parley.whatsapp.unfinished-after", "1s",
                "parley.whatsapp.unfinished-scan-interval", "1s");
    }

    @AfterAll
    void stopGraph() {
        graph.close();
    }

    // ---- verification and bad input -----------------------------------------------------------------------------

    @Test
    void verificationEchoesTheChallengeOnlyForOurVerifyTokens() {
        String answer = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=test-verify-b&hub.challenge=1158201444"));
        assertEquals("1158201444", answer);
        for (String query : List.of("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
                "hub.mode=unsubscribe&hub.verify_token=test-verify-a&hub.challenge=1",
                "hub.mode=subscribe&hub.challenge=1")) {
            assertEquals("verification_failed", failing(HttpRequest.GET("/api/whatsapp/webhook?" + query),
                    HttpStatus.FORBIDDEN).get("error"));
        }
    }

    @Test
    void badSignaturesUnknownNumbersAndMalformedBodiesAreRefusedAndNothingIsStored() {
        byte[] body = bytes(message(A, "4915100000101", text("4915100000101", "wamid.bad.1", now(), "hi")));
        assertEquals("invalid_signature", post(body, null, HttpStatus.UNAUTHORIZED).get("error"));
        assertEquals("invalid_signature", post(body, signature("not-the-secret", body), HttpStatus.UNAUTHORIZED)
                .get("error"));
        assertEquals("invalid_signature", post(body, "sha256=zz", HttpStatus.UNAUTHORIZED).get("error"));
        // the same JSON, re-serialised with a space: the bytes differ, so the signature does not hold
        byte[] reformatted = new String(body, StandardCharsets.UTF_8).replace("{\"object\"", "{ \"object\"")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("invalid_signature", post(reformatted, signature(SECRET_A, body), HttpStatus.UNAUTHORIZED)
                .get("error"));
        // signed by brand B's app, but for brand A's number
        assertEquals("invalid_signature", post(body, signature(SECRET_B, body), HttpStatus.UNAUTHORIZED)
                .get("error"));

        byte[] unknown = bytes(message("999999999999999", "4915100000101",
                text("4915100000101", "wamid.bad.2", now(), "hi")));
        assertEquals("unknown_phone_number", post(unknown, signature(SECRET_A, unknown), HttpStatus.NOT_FOUND)
                .get("error"));
        byte[] disabled = bytes(message("333333333333333", "4915100000101",
                text("4915100000101", "wamid.bad.3", now(), "hi")));
        assertEquals("unknown_phone_number", post(disabled, signature(SECRET_A, disabled), HttpStatus.NOT_FOUND)
                .get("error"));

        byte[] malformed = bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[");
        assertEquals("malformed_json", post(malformed, signature(SECRET_A, malformed), HttpStatus.BAD_REQUEST)
                .get("error"));
        // one good message and one without a sender: the whole delivery is refused, the good one not stored either
        byte[] incomplete = bytes(message(A, "4915100000101",
                text("4915100000101", "wamid.bad.4", now(), "hi"),
                "{\"id\":\"wamid.bad.5\",\"timestamp\":\"" + now() + "\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}"));
        assertEquals("invalid_webhook", post(incomplete, signature(SECRET_A, incomplete), HttpStatus.BAD_REQUEST)
                .get("error"));
        for (int i = 1; i <= 5; i++) {
            assertEquals(0, rows.count("SELECT COUNT(*) FROM messages WHERE channel_message_id = ?", "wamid.bad." + i));
        }
    }

    // ---- receiving ----------------------------------------------------------------------------------------------

    @Test
    void aDeliveryRepeatedTenTimesMakesOneTurnAndOneReply() throws Exception {
        String shopper = "4915100000201";
        byte[] body = bytes(message(A, shopper, text(shopper, "wamid.dup.1", now(), "where is my order PA-345678")));
        String signed = signature(SECRET_A, body);
        ExecutorService senders = Executors.newFixedThreadPool(10);
        List<Future<Map<String, Object>>> receipts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            receipts.add(senders.submit(() -> client.toBlocking().retrieve(webhook(body, signed), JSON)));
        }
        int stored = 0;
        int duplicates = 0;
        for (Future<Map<String, Object>> receipt : receipts) {
            stored += ((Number) receipt.get().get("stored")).intValue();
            duplicates += ((Number) receipt.get().get("duplicates")).intValue();
        }
        senders.shutdown();
        assertEquals(1, stored);
        assertEquals(9, duplicates);

        await(() -> graph.accepted(shopper).size() == 1);
        String conversation = conversationOf("wamid.dup.1");
        await(() -> rows.count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND processed = TRUE",
                conversation) == 2);
        Thread.sleep(1500); // time for a second turn or a second send, were there one
        assertEquals(1, rows.count("SELECT COUNT(*) FROM messages WHERE channel_message_id = ?", "wamid.dup.1"));
        assertEquals(2, rows.messagesIn(conversation), "one message, one reply");
        assertEquals(1, graph.callsTo(shopper).size(), "the reply was sent once");
        FakeGraphApi.Call call = graph.callsTo(shopper).get(0);
        assertEquals(A, call.phoneNumberId());
        assertEquals("Bearer test-token-a", call.authorization());
        assertEquals("interactive", call.type());
        assertEquals("Order PA-345678 is delivered.", call.body().path("interactive").path("body").path("text")
                .asText());
        assertEquals("Test Shopper", rows.value("SELECT s.display_name FROM shoppers s JOIN conversations c"
                + " ON c.shopper_id = s.id WHERE c.id = ?", conversation));
    }

    @Test
    void firstMessagesOfManyShoppersAtOnceAreAllStoredAndAcknowledged() throws Exception {
        int shoppers = 24;
        ExecutorService senders = Executors.newFixedThreadPool(shoppers);
        List<Future<HttpResponse<Map<String, Object>>>> answers = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            String shopper = "49151000009" + String.format("%02d", i);
            byte[] body = bytes(message(A, shopper, text(shopper, "wamid.many." + i, now(), "hi")));
            answers.add(senders.submit(() -> client.toBlocking().exchange(webhook(body, signature(SECRET_A, body)),
                    JSON)));
        }
        for (Future<HttpResponse<Map<String, Object>>> answer : answers) {
            assertEquals(HttpStatus.OK, answer.get().getStatus()); // a 5xx would throw
        }
        senders.shutdown();
        for (int i = 0; i < shoppers; i++) {
            assertEquals(1, rows.count("SELECT COUNT(*) FROM messages WHERE channel_message_id = ?", "wamid.many." + i));
            assertNotNull(rows.value("SELECT last_inbound_at FROM whatsapp_contacts WHERE address = ?",
                    A + ":49151000009" + String.format("%02d", i)));
        }
    }

    @Test
    void everyMessageTypeBecomesText() {
        String shopper = "4915100000301";
        long at = now();
        receive(A, shopper, typed(shopper, "wamid.type.location", at, "location",
                "{\"latitude\":52.52,\"longitude\":13.405,\"name\":\"Parley Store\",\"address\":\"Main St 1, Berlin\"}"));
        receive(A, shopper, typed(shopper, "wamid.type.pin", at, "location", "{\"latitude\":48.85,\"longitude\":2.35}"));
        receive(A, shopper, typed(shopper, "wamid.type.image", at, "image",
                "{\"id\":\"media-1\",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"caption\":\"do you have this in red\"}"));
        receive(A, shopper, typed(shopper, "wamid.type.voice", at, "audio",
                "{\"id\":\"media-2\",\"mime_type\":\"audio/ogg\"}"));
        receive(A, shopper, typed(shopper, "wamid.type.reaction", at, "reaction",
                "{\"message_id\":\"wamid.out.1\",\"emoji\":\"\\ud83d\\udc4d\"}"));
        Map<String, Object> removed = receive(A, shopper, typed(shopper, "wamid.type.unreaction", at, "reaction",
                "{\"message_id\":\"wamid.out.1\",\"emoji\":\"\"}"));
        Map<String, Object> unsupported = receive(A, shopper, typed(shopper, "wamid.type.unsupported", at,
                "unsupported", "{}"));

        assertEquals("Parley Store, Main St 1, Berlin", storedText("wamid.type.location"));
        assertEquals("48.85, 2.35", storedText("wamid.type.pin"));
        assertEquals("do you have this in red", storedText("wamid.type.image"));
        assertEquals("[audio]", storedText("wamid.type.voice"));
        assertEquals("\uD83D\uDC4D", storedText("wamid.type.reaction"));
        ConversationMessage reaction = stored("wamid.type.reaction");
        assertTrue(reaction.processed(), "a reaction is kept, not answered");
        assertEquals(0, rows.count("SELECT COUNT(*) FROM messages WHERE reply_to_id = ?", reaction.id()));
        assertEquals(1, ((Number) removed.get("skipped")).intValue());
        assertEquals(1, ((Number) unsupported.get("skipped")).intValue());
        assertNull(storedText("wamid.type.unreaction"));
        assertNull(storedText("wamid.type.unsupported"));
    }

    @Test
    void buttonListAndTemplateRepliesMapBackToWhatTheyAnswer() {
        String shopper = "4915100000401";
        receive(A, shopper, text(shopper, "wamid.map.1", now(), "where is my order PA-345678"));
        JsonNode buttons = await(() -> graph.accepted(shopper).size() == 1, () -> graph.accepted(shopper).get(0))
                .body().path("interactive");
        assertEquals("button", buttons.path("type").asText());
        assertEquals(3, buttons.path("action").path("buttons").size());
        JsonNode second = buttons.path("action").path("buttons").get(1).path("reply");
        assertEquals("Change address", second.path("title").asText());

        receive(A, shopper, buttonReply(shopper, "wamid.map.2", now(), second.path("id").asText(), "Change address"));
        ConversationMessage picked = stored("wamid.map.2");
        assertEquals("Change address", picked.text());
        assertEquals("Change address", picked.payload());

        // a notice with five quick replies (one too long for a row) and two offers: a list, offers first
        String conversation = picked.conversationId();
        List<QuickReply> quickReplies = List.of(new QuickReply("Track my parcel", "/track_parcel"),
                new QuickReply("Exchange for another size please", "/return_item"),
                new QuickReply("Refund status", "/refund_status"), new QuickReply("Store hours", "/opening_hours"),
                new QuickReply("Talk to a person", "/talk_to_human"));
        List<OfferCard> offers = List.of(
                new OfferCard("offer-sneakers-10", "decision-1", "10% off all running sneakers this week",
                        "Running sneakers", "RUN10", null, new BigDecimal("89.90"), "EUR", null, null),
                new OfferCard("offer-socks", null, "Free socks", "With any pair", null, null, null, null, null, null));
        ConversationMessage notice = conversations.postSystemMessage(conversation,
                new Reply("Here is what I can do next.", quickReplies, offers, true, false));
        JsonNode list = await(() -> lists(shopper).size() == 1, () -> lists(shopper).get(0));
        assertEquals("list", list.path("type").asText());
        assertEquals("Pick one", list.path("action").path("button").asText());
        JsonNode sections = list.path("action").path("sections");
        assertEquals(2, sections.size());
        assertEquals("Offers", sections.get(0).path("title").asText());
        JsonNode offerRow = sections.get(0).path("rows").get(0);
        assertEquals("10% off all running sne…", offerRow.path("title").asText());
        assertEquals("89.90 EUR, code RUN10", offerRow.path("description").asText());
        JsonNode longRow = sections.get(1).path("rows").get(1);
        assertTrue(longRow.path("title").asText().length() <= 24);

        receive(A, shopper, listReply(shopper, "wamid.map.3", now(), offerRow.path("id").asText(),
                offerRow.path("title").asText()));
        ConversationMessage offerPick = stored("wamid.map.3");
        assertEquals("10% off all running sneakers this week", offerPick.text());
        assertEquals("offer:offer-sneakers-10", offerPick.payload());

        receive(A, shopper, listReply(shopper, "wamid.map.4", now(), longRow.path("id").asText(),
                longRow.path("title").asText()));
        ConversationMessage rowPick = stored("wamid.map.4");
        assertEquals("Exchange for another size please", rowPick.text());
        assertEquals("/return_item", rowPick.payload());

        // a template's quick-reply button carrying one of our ids
        receive(A, shopper, templateButton(shopper, "wamid.map.5", now(), ReplyChoices.quickReplyId(notice, 2),
                "Refund status"));
        assertEquals("/refund_status", stored("wamid.map.5").payload());

        // another shopper cannot pick from this shopper's message: the id is taken as it came
        String stranger = "4915100000402";
        String id = ReplyChoices.quickReplyId(notice, 4);
        receive(A, stranger, buttonReply(stranger, "wamid.map.6", now(), id, "Talk to a person"));
        assertEquals(id, stored("wamid.map.6").payload());
    }

    // ---- sending ------------------------------------------------------------------------------------------------

    @Test
    void statusReportsOnlyMoveForwardAndFailuresKeepTheirError() {
        String shopper = "4915100000501";
        receive(A, shopper, text(shopper, "wamid.st.1", now(), "where is my order PA-345678"));
        String wamid = await(() -> graph.accepted(shopper).size() == 1, () -> graph.accepted(shopper).get(0).wamid());
        String reply = replyTo("wamid.st.1");
        await(() -> conversations.message(reply).orElseThrow().deliveryStatus() == DeliveryStatus.SENT);
        assertEquals(wamid, conversations.message(reply).orElseThrow().channelMessageId());

        for (String report : List.of("read", "delivered", "sent")) { // out of order, one webhook each
            Map<String, Object> receipt = receiveRaw(A, statuses(A, status(wamid, report, now(), shopper)));
            assertEquals(report.equals("read") ? 1 : 0, ((Number) receipt.get("statuses")).intValue(), report);
        }
        assertEquals(DeliveryStatus.READ, conversations.message(reply).orElseThrow().deliveryStatus());
        Map<String, Object> late = receiveRaw(A, statuses(A, failedStatus(wamid, now(), shopper, 131026,
                "Message undeliverable")));
        assertEquals(0, ((Number) late.get("statuses")).intValue());
        assertEquals(DeliveryStatus.READ, conversations.message(reply).orElseThrow().deliveryStatus(),
                "a failure report never undoes read");

        String other = "4915100000502";
        receive(A, other, text(other, "wamid.st.2", now(), "where is my order PA-345678"));
        String otherWamid = await(() -> graph.accepted(other).size() == 1, () -> graph.accepted(other).get(0).wamid());
        String otherReply = replyTo("wamid.st.2");
        await(() -> conversations.message(otherReply).orElseThrow().deliveryStatus() == DeliveryStatus.SENT);
        receiveRaw(A, statuses(A, failedStatus(otherWamid, now(), other, 131026, "Message undeliverable")));
        Map<String, Object> view = delivery(otherReply);
        assertEquals("failed", view.get("deliveryStatus"));
        assertEquals("failed", view.get("outboxState"));
        assertEquals("131026", view.get("errorCode"));
        assertEquals("Message undeliverable", view.get("errorTitle"));
        assertEquals(0, ((Number) receiveRaw(A, statuses(A, status("wamid.not-ours", "read", now(), other)))
                .get("statuses")).intValue());
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedUntilSentOnce() throws Exception {
        String shopper = "4915100000601";
        graph.failNext(shopper, new Failure(429, 130429), new Failure(503, 1));
        receive(A, shopper, text(shopper, "wamid.retry.1", now(), "where is my order PA-345678"));
        await(() -> graph.accepted(shopper).size() == 1);
        String reply = replyTo("wamid.retry.1");
        await(() -> "sent".equals(outboxState(reply)));
        Thread.sleep(1500);
        assertEquals(3, graph.callsTo(shopper).size(), "429, 503, then accepted; nothing after");
        assertEquals(1, graph.accepted(shopper).size());
        Map<String, Object> view = delivery(reply);
        assertEquals(3, ((Number) view.get("attempts")).intValue());
        assertEquals("buttons", view.get("sentAs"));
        assertEquals("sent", view.get("deliveryStatus"));
    }

    @Test
    void aRefusedSendFailsVisiblyWithoutRetries() throws Exception {
        String shopper = "4915100000602";
        graph.failNext(shopper, new Failure(400, 131026));
        receive(A, shopper, text(shopper, "wamid.refused.1", now(), "where is my order PA-345678"));
        String reply = await(() -> rows.count("SELECT COUNT(*) FROM messages WHERE reply_to_id = (SELECT id FROM"
                + " messages WHERE channel_message_id = ?)", "wamid.refused.1") == 1, () -> replyTo("wamid.refused.1"));
        await(() -> "failed".equals(outboxState(reply)));
        Thread.sleep(1000);
        assertEquals(1, graph.callsTo(shopper).size());
        Map<String, Object> view = delivery(reply);
        assertEquals("131026", view.get("errorCode"));
        assertEquals("failed", view.get("deliveryStatus"));
        assertEquals(DeliveryStatus.FAILED, conversations.message(reply).orElseThrow().deliveryStatus());
    }

    @Test
    void aSendWithoutAnAnswerInTimeIsRecordedAsFailedAndNeverRepeated() throws Exception {
        String shopper = "4915100000603";
        graph.failNext(shopper, Failure.slow(4500)); // longer than graph-timeout: it is accepted, but too late
        receive(A, shopper, text(shopper, "wamid.slow.1", now(), "where is my order PA-345678"));
        String reply = await(() -> rows.count("SELECT COUNT(*) FROM messages WHERE reply_to_id = (SELECT id FROM"
                + " messages WHERE channel_message_id = ?)", "wamid.slow.1") == 1, () -> replyTo("wamid.slow.1"));
        await(() -> "failed".equals(outboxState(reply)));
        assertEquals("unknown_outcome", delivery(reply).get("errorCode"));
        Thread.sleep(3000);
        assertEquals(1, graph.callsTo(shopper).size(), "a send that may have gone out is not sent again");
    }

    @Test
    void afterTheTwentyFourHourWindowTheConfiguredTemplateIsSent() {
        String shopper = "4915100000701";
        long dayAndHourAgo = Instant.now().minus(Duration.ofHours(25)).getEpochSecond();
        receive(A, shopper, text(shopper, "wamid.window.1", dayAndHourAgo, "where is my order PA-345678"));
        JsonNode sent = await(() -> graph.accepted(shopper).size() == 1, () -> graph.accepted(shopper).get(0)).body();
        assertEquals("template", sent.path("type").asText());
        assertEquals("test_reply", sent.path("template").path("name").asText());
        assertEquals("en_US", sent.path("template").path("language").path("code").asText());
        assertEquals("Order PA-345678 is delivered.", sent.path("template").path("components").get(0)
                .path("parameters").get(0).path("text").asText());

        // brand B has no template: the reply cannot go out, and says why
        String other = "4915100000702";
        receive(B, other, text(other, "wamid.window.2", dayAndHourAgo, "where is my order PA-345678"));
        String reply = await(() -> rows.count("SELECT COUNT(*) FROM messages WHERE reply_to_id = (SELECT id FROM"
                + " messages WHERE channel_message_id = ?)", "wamid.window.2") == 1, () -> replyTo("wamid.window.2"));
        await(() -> "failed".equals(outboxState(reply)));
        assertEquals("window_closed", delivery(reply).get("errorCode"));
        assertEquals(0, graph.callsTo(other).size());

        // once the shopper writes again, free-form messages flow (another order: the same question again would be
        // a loop the hand-off policy sends to a person)
        receive(A, shopper, text(shopper, "wamid.window.3", now(), "where is my order PA-123456"));
        assertEquals("interactive", await(() -> graph.accepted(shopper).size() == 2,
                () -> graph.accepted(shopper).get(1)).type());
    }

    @Test
    void aStoredMessageWhoseTurnNeverRanIsAnsweredAfterwards() {
        String shopper = "4915100000801";
        WhatsAppAddress address = new WhatsAppAddress(A, shopper);
        // what the webhook stores before acknowledging, with the process stopping before the turn ran
        conversations.accept(new InboundMessage(Channel.WHATSAPP, address.channelUserId(), null, "wamid.crash.1",
                "where is my order PA-345678", null, null, null, Instant.now(), Map.of()));
        window.shopperWrote(address, Instant.now());
        assertEquals("interactive", await(() -> graph.accepted(shopper).size() == 1,
                () -> graph.accepted(shopper).get(0)).type());
        assertEquals("1", rows.value("SELECT COUNT(*) FROM messages WHERE conversation_id = (SELECT conversation_id"
                + " FROM messages WHERE channel_message_id = ?) AND direction = 'outbound'", "wamid.crash.1"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static FakeGraphApi startGraph() {
        try {
            return new FakeGraphApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static HttpRequest<byte[]> webhook(byte[] body, String signature) {
        var request = HttpRequest.POST("/api/whatsapp/webhook", body).contentType(MediaType.APPLICATION_JSON);
        return signature == null ? request : request.header("X-Hub-Signature-256", signature);
    }

    Map<String, Object> receive(String number, String shopper, String messageJson) {
        return receiveRaw(number, message(number, shopper, messageJson));
    }

    Map<String, Object> receiveRaw(String number, String json) {
        byte[] body = bytes(json);
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(
                webhook(body, signature(number.equals(A) ? SECRET_A : SECRET_B, body)), JSON);
        assertEquals(HttpStatus.OK, response.getStatus());
        return response.body();
    }

    Map<String, Object> post(byte[] body, String signature, HttpStatus expected) {
        return failing(webhook(body, signature), expected);
    }

    Map<String, Object> failing(HttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JSON, JSON));
        assertEquals(expected, error.getStatus());
        Map<String, Object> body = error.getResponse().getBody(JSON).orElseThrow();
        assertNotNull(body.get("message"));
        return body;
    }

    Map<String, Object> delivery(String messageId) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/whatsapp/messages/" + messageId + "/delivery"),
                JSON);
    }

    /** The lists sent to the shopper (their {@code interactive} part). */
    List<JsonNode> lists(String shopper) {
        return graph.accepted(shopper).stream().map(call -> call.body().path("interactive"))
                .filter(interactive -> interactive.path("type").asText().equals("list")).toList();
    }

    /** The message's outbox state, null while it is not (yet) queued. */
    String outboxState(String messageId) {
        return rows.value("SELECT state FROM whatsapp_outbox WHERE message_id = ?", messageId);
    }

    String storedText(String wamid) {
        return rows.value("SELECT text FROM messages WHERE channel_message_id = ?", wamid);
    }

    ConversationMessage stored(String wamid) {
        return conversations.message(rows.value("SELECT id FROM messages WHERE channel_message_id = ?", wamid))
                .orElseThrow();
    }

    String conversationOf(String wamid) {
        return rows.value("SELECT conversation_id FROM messages WHERE channel_message_id = ?", wamid);
    }

    String replyTo(String wamid) {
        return rows.value("SELECT id FROM messages WHERE reply_to_id = (SELECT id FROM messages"
                + " WHERE channel_message_id = ?)", wamid);
    }

    static void await(BooleanSupplier condition) {
        await(condition, () -> true);
    }

    static <T> T await(BooleanSupplier condition, java.util.function.Supplier<T> then) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertFalse(Instant.now().isAfter(deadline), "timed out waiting");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return then.get();
    }
}
