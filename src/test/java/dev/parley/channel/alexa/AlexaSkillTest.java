package dev.parley.channel.alexa;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.message.Channel;
import dev.parley.testing.Rows;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Alexa endpoint over real HTTP against MariaDB with the real NLU and intents/: requests signed with a
 * generated certificate chain (see {@link TestCertificates}), every request type, every verification failure.
 */
@MicronautTest(transactional = false)
@Property(name = "parley.alexa.application-id", value = AlexaSkillTest.SKILL)
class AlexaSkillTest {

    static final String SKILL = "amzn1.ask.skill.parley-test";
    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ConversationService conversations;

    @Inject
    Rows rows;

    @Inject
    TestChainFetcher fetcher;

    // ---- request types ------------------------------------------------------------------------------------------

    @Test
    void launchGreetsOnceAndKeepsTheSessionOpen() {
        String session = newSession();
        String launch = launch(session, "req-" + UUID.randomUUID(), Instant.now());
        Map<String, Object> first = post(launch);
        Map<String, Object> response = response(first);
        String ssml = ssml(response.get("outputSpeech"));
        assertTrue(ssml.startsWith("<speak>") && ssml.endsWith("</speak>"), ssml);
        assertEquals(false, response.get("shouldEndSession"));
        assertTrue(ssml(((Map<?, ?>) response.get("reprompt")).get("outputSpeech")).startsWith("<speak>"));
        assertEquals("1.0", first.get("version"));

        Conversation conversation = conversation(session).orElseThrow();
        assertEquals(Channel.ALEXA, conversation.channel());
        assertEquals("user-" + session, conversation.channelUserId());
        assertEquals(1, rows.messagesIn(conversation.id()));
        // Alexa retries: the same greeting, nothing new stored
        assertEquals(ssml, ssml(response(post(launch)).get("outputSpeech")));
        assertEquals(1, rows.messagesIn(conversation.id()));
    }

    @Test
    void ownIntentWithASpokenSlotIsAnsweredWithoutAskingAgain() {
        String session = newSession();
        post(launch(session, "req-" + UUID.randomUUID(), Instant.now()));
        Map<String, Object> response = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                "order_status", "{\"order_number\": {\"name\": \"order_number\", \"value\": \"p. a. one two three"
                        + " four five six\"}}")));

        Conversation conversation = conversation(session).orElseThrow();
        List<ConversationMessage> messages = messages(conversation);
        ConversationMessage asked = messages.get(1);
        assertEquals("order status: PA-123456", asked.text());
        assertEquals("order_status", asked.nlu().intent().name());
        String answer = messages.get(2).text();
        assertTrue(answer.contains("shipped"), answer); // PA-123456 of the demo orders
        assertTrue(ssml(response.get("outputSpeech")).contains("shipped"));
        assertEquals(false, response.get("shouldEndSession"));
    }

    @Test
    void resolvedSlotValuesArriveAsTheirCanonicalId() {
        String session = newSession();
        response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(), "product_search",
                "{\"category\": {\"name\": \"category\", \"value\": \"trainers\", \"resolutions\": {"
                        + "\"resolutionsPerAuthority\": [{\"authority\": \"amzn1.er-authority.echo-sdk.x.PARLEY_CATEGORY\","
                        + " \"status\": {\"code\": \"ER_SUCCESS_MATCH\"}, \"values\": [{\"value\": {\"name\": \"trainers\","
                        + " \"id\": \"sneakers\"}}]}]}}}")));
        ConversationMessage asked = messages(conversation(session).orElseThrow()).get(0);
        assertEquals("product search: sneakers", asked.text());
        assertEquals("sneakers", asked.nlu().entities().get(0).value());
    }

    @Test
    void catchAllTextGoesThroughTheNlu() {
        String session = newSession();
        Map<String, Object> response = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                SkillIntents.CATCH_ALL, "{\"query\": {\"name\": \"query\", \"value\": \"where is my order\"}}")));
        ConversationMessage asked = messages(conversation(session).orElseThrow()).get(0);
        assertEquals("where is my order", asked.text());
        assertEquals("order_status", asked.nlu().intent().name());
        // the order number is missing: the skill asks for it and waits
        String ssml = ssml(response.get("outputSpeech"));
        assertTrue(ssml.toLowerCase().contains("order number"), ssml);
        assertEquals(false, response.get("shouldEndSession"));
        assertTrue(response.containsKey("reprompt"));
    }

    @Test
    void stopEndsTheSession() {
        String session = newSession();
        post(launch(session, "req-" + UUID.randomUUID(), Instant.now()));
        Map<String, Object> response = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                SkillIntents.STOP, "{}")));
        assertEquals(true, response.get("shouldEndSession"));
        assertFalse(response.containsKey("reprompt"));
        List<ConversationMessage> messages = messages(conversation(session).orElseThrow());
        assertEquals("stop", messages.get(1).text());
        assertEquals("goodbye", messages.get(1).nlu().intent().name());
    }

    @Test
    void cancelEndsTheSessionAndHelpKeepsItOpen() {
        String session = newSession();
        Map<String, Object> help = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                SkillIntents.HELP, "{}")));
        assertEquals(false, help.get("shouldEndSession"));
        assertEquals("help", messages(conversation(session).orElseThrow()).get(0).nlu().intent().name());
        Map<String, Object> cancel = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                SkillIntents.CANCEL, "{}")));
        assertEquals(true, cancel.get("shouldEndSession"));
    }

    @Test
    void repeatedFallbacksHandTheShopperToAPersonAndEndTheSession() {
        String session = newSession();
        Map<String, Object> first = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                SkillIntents.FALLBACK, "{}")));
        assertEquals(false, first.get("shouldEndSession"));
        assertEquals(AlexaSkill.UNRECOGNISED, messages(conversation(session).orElseThrow()).get(0).text());
        Map<String, Object> second = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                SkillIntents.FALLBACK, "{}")));
        assertTrue(conversation(session).orElseThrow().needsHuman());
        assertTrue(ssml(second.get("outputSpeech")).contains("A colleague will follow up"));
        assertEquals(true, second.get("shouldEndSession"));
    }

    @Test
    void askingForAPersonSaysWhoFollowsUp() {
        String session = newSession();
        Map<String, Object> response = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                "talk_to_human", "{}")));
        assertTrue(ssml(response.get("outputSpeech")).contains("A colleague will follow up"));
        assertEquals(true, response.get("shouldEndSession"));
        String reason = conversation(session).orElseThrow().needsHumanReason();
        assertTrue(reason != null && reason.contains("talk_to_human"), "the hand-off records why: " + reason);
    }

    @Test
    void aQueuedConversationGetsTheHandoffNoticeAndNoBotAnswer() {
        String session = newSession();
        post(launch(session, "req-" + UUID.randomUUID(), Instant.now()));
        Conversation conversation = conversation(session).orElseThrow();
        conversations.transition(conversation.id(), ConversationState.QUEUED, "test");
        Map<String, Object> response = response(post(intent(session, "req-" + UUID.randomUUID(), Instant.now(),
                SkillIntents.CATCH_ALL, "{\"query\": {\"name\": \"query\", \"value\": \"are you there\"}}")));
        assertTrue(ssml(response.get("outputSpeech")).contains("A colleague will follow up"));
        assertEquals(true, response.get("shouldEndSession"));
        assertEquals(2, rows.messagesIn(conversation.id())); // greeting and the shopper's words, no bot reply
    }

    @Test
    void aRetriedIntentRequestIsOneTurn() {
        String session = newSession();
        String body = intent(session, "req-" + UUID.randomUUID(), Instant.now(), SkillIntents.CATCH_ALL,
                "{\"query\": {\"name\": \"query\", \"value\": \"what are your opening hours in Paris\"}}");
        String first = ssml(response(post(body)).get("outputSpeech"));
        long stored = rows.messagesIn(conversation(session).orElseThrow().id());
        String again = ssml(response(post(body)).get("outputSpeech"));
        assertEquals(first, again);
        assertEquals(stored, rows.messagesIn(conversation(session).orElseThrow().id()));
        assertEquals(1, rows.count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND direction = 'inbound'",
                conversation(session).orElseThrow().id()));
    }

    @Test
    void sessionEndedClosesTheConversation() {
        String session = newSession();
        post(launch(session, "req-" + UUID.randomUUID(), Instant.now()));
        Map<String, Object> body = post(envelope(session, """
                {"type": "SessionEndedRequest", "requestId": "req-%s", "timestamp": "%s", "locale": "en-US",
                 "reason": "USER_INITIATED"}""".formatted(UUID.randomUUID(), now())));
        assertEquals(Map.of(), body.get("response"));
        assertEquals(ConversationState.CLOSED, conversation(session).orElseThrow().state());
    }

    @Test
    void unsupportedRequestTypesAreRefused() {
        String session = newSession();
        assertRejected(envelope(session, """
                {"type": "CanFulfillIntentRequest", "requestId": "req-1", "timestamp": "%s"}""".formatted(now())),
                "unsupported_request", session);
    }

    // ---- verification -------------------------------------------------------------------------------------------

    @Test
    void missingHeadersAreRefused() {
        String session = newSession();
        byte[] body = launch(session, "req-1", Instant.now()).getBytes(StandardCharsets.UTF_8);
        assertEquals("missing_signature", rejected(HttpRequest.POST("/api/voice/alexa", body)
                .contentType(MediaType.APPLICATION_JSON)));
        assertEquals("missing_signature", rejected(HttpRequest.POST("/api/voice/alexa", body)
                .contentType(MediaType.APPLICATION_JSON).header("SignatureCertChainUrl", TestCertificates.GOOD_URL)));
        assertTrue(conversation(session).isEmpty());
    }

    @Test
    void certificateUrlsOutsideAmazonsRulesAreRefused() {
        String session = newSession();
        byte[] body = launch(session, "req-1", Instant.now()).getBytes(StandardCharsets.UTF_8);
        for (String url : List.of("http://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
                "https://notamazon.com/echo.api/echo-api-cert-test.pem",
                "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-test.pem",
                "https://s3.amazonaws.com/invalid.path/echo-api-cert-test.pem",
                "https://s3.amazonaws.com:563/echo.api/echo-api-cert-test.pem",
                "https://s3.amazonaws.com/echo.api/../evil/echo-api-cert-test.pem")) {
            assertEquals("invalid_certificate_url", rejected(signed(body, url, TestCertificates.get().sign(body))),
                    url);
        }
        assertTrue(conversation(session).isEmpty());
    }

    @Test
    void certificateUrlsWithinTheRulesAreNormalisedAndAccepted() {
        byte[] body = launch(newSession(), "req-" + UUID.randomUUID(), Instant.now()).getBytes(StandardCharsets.UTF_8);
        // case-insensitive scheme and host, explicit port 443, a path that normalises into /echo.api/
        String url = "HTTPS://S3.AmazonAWS.com:443/echo.api/../echo.api/echo-api-cert-test.pem";
        Map<String, Object> answer = client.toBlocking().retrieve(signed(body, url, TestCertificates.get().sign(body)),
                JSON);
        assertEquals("1.0", answer.get("version"));
    }

    @Test
    void aTamperedBodyOrForeignSignatureIsRefused() {
        String session = newSession();
        byte[] signedBody = launch(session, "req-1", Instant.now()).getBytes(StandardCharsets.UTF_8);
        byte[] tampered = launch(session, "req-2", Instant.now()).getBytes(StandardCharsets.UTF_8);
        String signature = TestCertificates.get().sign(signedBody);
        assertEquals("invalid_signature", rejected(signed(tampered, TestCertificates.GOOD_URL, signature)));
        assertEquals("invalid_signature", rejected(signed(signedBody, TestCertificates.GOOD_URL, "not base64!")));
        assertTrue(conversation(session).isEmpty());
    }

    @Test
    void chainsThatAreUntrustedMisnamedExpiredOrMissingAreRefused() {
        String session = newSession();
        byte[] body = launch(session, "req-1", Instant.now()).getBytes(StandardCharsets.UTF_8);
        String signature = TestCertificates.get().sign(body);
        assertEquals("invalid_certificate", rejected(signed(body, TestCertificates.UNTRUSTED_URL, signature)));
        assertEquals("invalid_certificate", rejected(signed(body, TestCertificates.WRONG_SAN_URL, signature)));
        assertEquals("invalid_certificate", rejected(signed(body, TestCertificates.EXPIRED_URL, signature)));
        assertEquals("certificate_unavailable", rejected(signed(body,
                "https://s3.amazonaws.com/echo.api/does-not-exist.pem", signature)));
        assertTrue(conversation(session).isEmpty());
    }

    @Test
    void theChainIsDownloadedOncePerUrl() {
        post(launch(newSession(), "req-" + UUID.randomUUID(), Instant.now()));
        post(launch(newSession(), "req-" + UUID.randomUUID(), Instant.now()));
        assertEquals(1, fetcher.fetchesOf(TestCertificates.GOOD_URL));
    }

    @Test
    void staleOrFutureTimestampsAreRefused() {
        String session = newSession();
        assertRejected(launch(session, "req-1", Instant.now().minusSeconds(200)), "stale_request", session);
        assertRejected(launch(session, "req-2", Instant.now().plusSeconds(200)), "stale_request", session);
    }

    @Test
    void anotherSkillsRequestIsRefused() {
        String session = newSession();
        String body = launch(session, "req-1", Instant.now()).replace(SKILL, "amzn1.ask.skill.someone-else");
        assertRejected(body, "wrong_application", session);
    }

    @Test
    void malformedBodiesAreRefused() {
        assertRejected("{\"version\": \"1.0\", \"request\": ", "malformed_json", newSession());
        assertRejected("[1, 2]", "malformed_json", newSession());
        assertRejected("{\"version\": \"1.0\", \"request\": {\"type\": \"LaunchRequest\"}}", "invalid_request",
                newSession());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String newSession() {
        return "amzn1.echo-api.session." + UUID.randomUUID();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String launch(String session, String requestId, Instant at) {
        return envelope(session, """
                {"type": "LaunchRequest", "requestId": "%s", "timestamp": "%s", "locale": "en-US"}"""
                .formatted(requestId, at.truncatedTo(ChronoUnit.SECONDS)));
    }

    static String intent(String session, String requestId, Instant at, String name, String slots) {
        return envelope(session, """
                {"type": "IntentRequest", "requestId": "%s", "timestamp": "%s", "locale": "en-US",
                 "dialogState": "COMPLETED",
                 "intent": {"name": "%s", "confirmationStatus": "NONE", "slots": %s}}"""
                .formatted(requestId, at.truncatedTo(ChronoUnit.SECONDS), name, slots));
    }

    static String envelope(String session, String request) {
        return """
                {"version": "1.0",
                 "session": {"new": false, "sessionId": "%s", "application": {"applicationId": "%s"},
                             "attributes": {}, "user": {"userId": "user-%s"}},
                 "context": {"System": {"application": {"applicationId": "%s"}, "user": {"userId": "user-%s"}}},
                 "request": %s}""".formatted(session, SKILL, session, SKILL, session, request);
    }

    private MutableHttpRequest<byte[]> signed(byte[] body, String url, String signature) {
        return HttpRequest.POST("/api/voice/alexa", body).contentType(MediaType.APPLICATION_JSON)
                .header("SignatureCertChainUrl", url).header("Signature-256", signature);
    }

    private Map<String, Object> post(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return client.toBlocking().retrieve(signed(body, TestCertificates.GOOD_URL, TestCertificates.get().sign(body)),
                JSON);
    }

    private void assertRejected(String json, String code, String session) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(code, rejected(signed(body, TestCertificates.GOOD_URL, TestCertificates.get().sign(body))));
        assertTrue(conversation(session).isEmpty(), "nothing stored for a refused request");
    }

    /** The error code of a request that must be refused with 400 and a JSON error. */
    private String rejected(HttpRequest<?> request) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JSON, JSON));
        assertEquals(HttpStatus.BAD_REQUEST, error.getStatus());
        Map<?, ?> body = error.getResponse().getBody(JSON).orElseThrow();
        assertTrue(body.get("message") instanceof String);
        return (String) body.get("error");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> response(Map<String, Object> envelope) {
        return (Map<String, Object>) envelope.get("response");
    }

    private static String ssml(Object outputSpeech) {
        Map<?, ?> speech = (Map<?, ?>) outputSpeech;
        assertEquals("SSML", speech.get("type"));
        assertNull(speech.get("text"));
        return (String) speech.get("ssml");
    }

    private Optional<Conversation> conversation(String session) {
        return conversations.findBySession(Channel.ALEXA, session);
    }

    private List<ConversationMessage> messages(Conversation conversation) {
        return conversations.messages(conversation.id(), 0, 50).messages();
    }
}
