package dev.parley.channel.twilio;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.Direction;
import dev.parley.message.Channel;
import dev.parley.testing.Rows;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone line over real HTTP, as Twilio drives it: signed form webhooks against MariaDB with the real NLU and
 * intents/, TwiML answers checked as XML.
 */
@MicronautTest(transactional = false)
@Property(name = "parley.twilio.auth-token", value = TwilioVoiceTest.TOKEN)
@Property(name = "parley.twilio.public-base-url", value = TwilioVoiceTest.BASE)
@Property(name = "parley.twilio.contact-center", value = "+15550100")
class TwilioVoiceTest {

    static final String TOKEN = "test-auth-token-0123456789";
    static final String BASE = "https://voice.example.com/";
    static final String PUBLIC = "https://voice.example.com";
    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ConversationService conversations;

    @Inject
    Rows rows;

    @Test
    void anIncomingCallIsGreetedInsideASpeechGather() {
        String call = newCall();
        Document twiml = twiml("/api/voice/twilio/calls", incoming(call));
        Element gather = only(twiml, "Gather");
        assertEquals("speech dtmf", gather.getAttribute("input"));
        assertEquals("POST", gather.getAttribute("method"));
        assertEquals("en-US", gather.getAttribute("language"));
        assertEquals("auto", gather.getAttribute("speechTimeout"));
        assertEquals(PUBLIC + "/api/voice/twilio/speech?turn=1&low=0&silence=0", gather.getAttribute("action"));
        String greeting = gather.getElementsByTagName("Say").item(0).getTextContent();
        assertFalse(greeting.isBlank());

        Conversation conversation = conversation(call).orElseThrow();
        assertEquals(Channel.PHONE, conversation.channel());
        assertEquals("+15551230001", conversation.channelUserId());
        // Twilio retries the webhook: the same greeting, nothing new stored
        assertEquals(greeting, only(twiml("/api/voice/twilio/calls", incoming(call)), "Say").getTextContent());
        assertEquals(1, rows.messagesIn(conversation.id()));
    }

    @Test
    void speechGoesThroughTheNluAndTheAnswerIsSaidInTheNextGather() {
        String call = newCall();
        twiml("/api/voice/twilio/calls", incoming(call));
        String turn = "/api/voice/twilio/speech?turn=1&low=0&silence=0";
        Map<String, String> speech = speech(call, "where is my order", "0.93");
        Document twiml = twiml(turn, speech);
        Element gather = only(twiml, "Gather");
        assertEquals(PUBLIC + "/api/voice/twilio/speech?turn=2&low=0&silence=0", gather.getAttribute("action"));
        String said = gather.getElementsByTagName("Say").item(0).getTextContent();
        assertTrue(said.toLowerCase().contains("order number"), said);

        Conversation conversation = conversation(call).orElseThrow();
        ConversationMessage heard = inbound(conversation).get(0);
        assertEquals("where is my order", heard.text());
        assertEquals(call + ":1", heard.channelMessageId());
        assertEquals("order_status", heard.nlu().intent().name());

        // a retried webhook is one turn
        long stored = rows.messagesIn(conversation.id());
        assertEquals(said, only(twiml(turn, speech), "Say").getTextContent());
        assertEquals(stored, rows.messagesIn(conversation.id()));

        // the next turn answers the question
        Document answer = twiml("/api/voice/twilio/speech?turn=2&low=0&silence=0", speech(call, "PA-123456", "0.9"));
        assertTrue(only(answer, "Say").getTextContent().contains("shipped"));
    }

    @Test
    void askingForAPersonTransfersTheCall() {
        String call = newCall();
        twiml("/api/voice/twilio/calls", incoming(call));
        Document twiml = twiml("/api/voice/twilio/speech?turn=1&low=0&silence=0",
                speech(call, "I want to talk to a human", "0.95"));
        assertEquals(List.of("Say", "Dial"), verbs(twiml));
        assertEquals("+15550100", only(twiml, "Number").getTextContent());
        assertTrue(conversation(call).orElseThrow().needsHuman());
    }

    @Test
    void pressingZeroTransfersTheCall() {
        String call = newCall();
        twiml("/api/voice/twilio/calls", incoming(call));
        Map<String, String> pressed = incoming(call);
        pressed.put("Digits", "0");
        Document twiml = twiml("/api/voice/twilio/speech?turn=1&low=0&silence=0", pressed);
        assertEquals(List.of("Say", "Dial"), verbs(twiml));
        Conversation conversation = conversation(call).orElseThrow();
        assertTrue(conversation.needsHuman() || conversation.state() != ConversationState.BOT,
                "the hand-off policy took the key press as a request for a person");
        assertEquals("0", inbound(conversation).get(0).payload());
    }

    @Test
    void poorlyRecognisedSpeechTwiceInARowTransfersTheCall() {
        String call = newCall();
        twiml("/api/voice/twilio/calls", incoming(call));
        Document first = twiml("/api/voice/twilio/speech?turn=1&low=0&silence=0",
                speech(call, "where is my order", "0.21"));
        assertEquals(PUBLIC + "/api/voice/twilio/speech?turn=2&low=1&silence=0",
                only(first, "Gather").getAttribute("action"));
        Document second = twiml("/api/voice/twilio/speech?turn=2&low=1&silence=0",
                speech(call, "PA-123456", "0.1"));
        assertEquals(List.of("Say", "Dial"), verbs(second));
        assertEquals("low_speech_confidence x2", conversation(call).orElseThrow().needsHumanReason());
        assertEquals(2, inbound(conversation(call).orElseThrow()).size());
    }

    @Test
    void silenceIsAskedAgainThenTheCallEnds() {
        String call = newCall();
        twiml("/api/voice/twilio/calls", incoming(call));
        Map<String, String> nothing = incoming(call);
        Document again = twiml("/api/voice/twilio/speech?turn=1&low=0&silence=0", nothing);
        Element gather = only(again, "Gather");
        assertEquals(PUBLIC + "/api/voice/twilio/speech?turn=1&low=0&silence=1", gather.getAttribute("action"));
        assertEquals("Sorry, I didn't hear anything. What else can I do for you?",
                only(again, "Say").getTextContent());
        twiml("/api/voice/twilio/speech?turn=1&low=0&silence=1", nothing);
        Document end = twiml("/api/voice/twilio/speech?turn=1&low=0&silence=2", nothing);
        assertEquals(List.of("Say", "Hangup"), verbs(end));
        assertEquals(1, rows.messagesIn(conversation(call).orElseThrow().id())); // only the greeting
    }

    @Test
    void goodbyeHangsUp() {
        String call = newCall();
        twiml("/api/voice/twilio/calls", incoming(call));
        Document twiml = twiml("/api/voice/twilio/speech?turn=1&low=0&silence=0", speech(call, "goodbye", "0.9"));
        assertEquals(List.of("Say", "Hangup"), verbs(twiml));
    }

    @Test
    void theEndOfTheCallClosesTheConversation() {
        String call = newCall();
        twiml("/api/voice/twilio/calls", incoming(call));
        Map<String, String> ringing = incoming(call);
        ringing.put("CallStatus", "in-progress");
        assertEquals(HttpStatus.NO_CONTENT, client.toBlocking().exchange(signed("/api/voice/twilio/status", ringing))
                .getStatus());
        assertEquals(ConversationState.BOT, conversation(call).orElseThrow().state());
        Map<String, String> completed = incoming(call);
        completed.put("CallStatus", "completed");
        completed.put("CallDuration", "42");
        assertEquals(HttpStatus.NO_CONTENT, client.toBlocking().exchange(signed("/api/voice/twilio/status",
                completed)).getStatus());
        assertEquals(ConversationState.CLOSED, conversation(call).orElseThrow().state());
    }

    // ---- refused requests ---------------------------------------------------------------------------------------

    @Test
    void unsignedOrWronglySignedWebhooksAreRefusedAndStoreNothing() {
        String call = newCall();
        Map<String, String> params = incoming(call);
        String path = "/api/voice/twilio/calls";
        assertEquals("missing_signature", refused(form(path, params, null), HttpStatus.FORBIDDEN));
        assertEquals("invalid_signature", refused(form(path, params,
                TwilioSignature.sign("another-token", PUBLIC + path, multi(params))), HttpStatus.FORBIDDEN));
        // signed for the URL the service sees behind the proxy, not the public one Twilio called
        assertEquals("invalid_signature", refused(form(path, params,
                TwilioSignature.sign(TOKEN, "http://localhost:8080" + path, multi(params))), HttpStatus.FORBIDDEN));
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("From", "+15559999999");
        assertEquals("invalid_signature", refused(form(path, tampered,
                TwilioSignature.sign(TOKEN, PUBLIC + path, multi(params))), HttpStatus.FORBIDDEN));
        // the turn counters are signed too
        Map<String, String> said = speech(call, "hello", "0.9");
        assertEquals("invalid_signature", refused(form("/api/voice/twilio/speech?turn=9&low=0&silence=0", said,
                TwilioSignature.sign(TOKEN, PUBLIC + "/api/voice/twilio/speech?turn=1&low=0&silence=0", multi(said))),
                HttpStatus.FORBIDDEN));
        assertTrue(conversation(call).isEmpty());
    }

    @Test
    void malformedFormsAndValuesAreRefusedAndStoreNothing() {
        String call = newCall();
        String path = "/api/voice/twilio/calls";
        MutableHttpRequest<String> broken = HttpRequest.POST(path, "CallSid=%zz&From=%2B1555")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("X-Twilio-Signature", "c2ln");
        assertEquals("malformed_form", refused(broken, HttpStatus.BAD_REQUEST));
        MutableHttpRequest<String> json = HttpRequest.POST(path, "{\"CallSid\": \"" + call + "\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Twilio-Signature", "c2ln");
        assertEquals("unsupported_media_type", refused(json, HttpStatus.UNSUPPORTED_MEDIA_TYPE));

        assertEquals("invalid_parameter", refused(signed("/api/voice/twilio/speech?turn=1&low=0&silence=0",
                speech(call, "where is my order", "loud")), HttpStatus.BAD_REQUEST));
        assertEquals("invalid_parameter", refused(signed("/api/voice/twilio/speech?turn=x&low=0&silence=0",
                speech(call, "where is my order", "0.9")), HttpStatus.BAD_REQUEST));
        Map<String, String> noSid = new LinkedHashMap<>(incoming(call));
        noSid.remove("CallSid");
        assertEquals("missing_parameter", refused(signed(path, noSid), HttpStatus.BAD_REQUEST));
        assertTrue(conversation(call).isEmpty());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String newCall() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> incoming(String call) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("CallSid", call);
        params.put("From", "+15551230001");
        params.put("To", "+15557654321");
        params.put("CallStatus", "in-progress");
        params.put("Direction", "inbound");
        return params;
    }

    private static Map<String, String> speech(String call, String said, String confidence) {
        Map<String, String> params = incoming(call);
        params.put("SpeechResult", said);
        params.put("Confidence", confidence);
        return params;
    }

    private static Map<String, List<String>> multi(Map<String, String> params) {
        return params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    private static MutableHttpRequest<String> form(String path, Map<String, String> params, String signature) {
        String body = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        MutableHttpRequest<String> request = HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        return signature == null ? request : request.header("X-Twilio-Signature", signature);
    }

    private static MutableHttpRequest<String> signed(String path, Map<String, String> params) {
        return form(path, params, TwilioSignature.sign(TOKEN, PUBLIC + path, multi(params)));
    }

    private Document twiml(String path, Map<String, String> params) {
        HttpResponse<String> response = client.toBlocking().exchange(signed(path, params), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("text/xml", response.getContentType().orElseThrow().getName());
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals("Response", document.getDocumentElement().getTagName());
            return document;
        } catch (Exception e) {
            throw new AssertionError("not TwiML: " + response.body(), e);
        }
    }

    private String refused(HttpRequest<?> request, HttpStatus status) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JSON, JSON));
        assertEquals(status, error.getStatus());
        return (String) error.getResponse().getBody(JSON).orElseThrow().get("error");
    }

    private static Element only(Document document, String tag) {
        assertEquals(1, document.getElementsByTagName(tag).getLength(), tag);
        return (Element) document.getElementsByTagName(tag).item(0);
    }

    /** The top-level verbs of a TwiML document, in order. */
    private static List<String> verbs(Document document) {
        List<String> verbs = new ArrayList<>();
        for (Node node = document.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            verbs.add(node.getNodeName());
        }
        return verbs;
    }

    private Optional<Conversation> conversation(String call) {
        return conversations.findBySession(Channel.PHONE, call);
    }

    private List<ConversationMessage> inbound(Conversation conversation) {
        return conversations.messages(conversation.id(), 0, 50).messages().stream()
                .filter(m -> m.direction() == Direction.INBOUND).toList();
    }
}
