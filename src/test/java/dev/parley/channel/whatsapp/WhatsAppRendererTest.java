package dev.parley.channel.whatsapp;

import dev.parley.conversation.Author;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.conversation.Direction;
import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical reply in WhatsApp's shapes and limits. */
class WhatsAppRendererTest {

    static final WhatsAppNumber NUMBER = new WhatsAppNumber("111", "Brand", "secret", "token", "verify", null,
            Map.of("agent", new WhatsAppNumber.Template("agent_reply", "de", true)),
            new WhatsAppNumber.Labels("Auswählen", "Angebote", "Antworten"));

    final WhatsAppRenderer renderer = new WhatsAppRenderer();

    static ConversationMessage reply(Author author, String text, List<QuickReply> quickReplies,
                                     List<OfferCard> offers) {
        return new ConversationMessage(UUID.randomUUID().toString(), "c-1", 2, Direction.OUTBOUND, author, null, text,
                quickReplies, offers, true, false, null, null, null, null, true, DeliveryStatus.QUEUED, Instant.now());
    }

    static List<QuickReply> quickReplies(int count) {
        return IntStream.range(0, count).mapToObj(i -> new QuickReply("Option " + i, "/option_" + i)).toList();
    }

    static OfferCard offer(String id, String title) {
        return new OfferCard(id, "d-" + id, title, "desc", null, null, null, null, null, null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Map<String, Object> json, String... path) {
        Map<String, Object> node = json;
        for (String key : path) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    @Test
    void plainTextIsCutToWhatsAppsLimit() {
        String tooLong = "a".repeat(5000);
        WhatsAppRenderer.Rendered rendered = renderer.render(reply(Author.BOT, tooLong, List.of(), List.of()), "49",
                NUMBER);
        assertEquals("text", rendered.kind());
        assertEquals("49", rendered.json().get("to"));
        assertEquals("whatsapp", rendered.json().get("messaging_product"));
        String body = (String) part(rendered.json(), "text").get("body");
        assertEquals(4096, body.codePointCount(0, body.length()));
        assertTrue(body.endsWith("…"));
    }

    @Test
    void upToThreeQuickRepliesAreButtonsWithShortTitlesAndIdsThatMapBack() {
        ConversationMessage message = reply(Author.BOT, "Anything else?", List.of(
                new QuickReply("Track my parcel", "/track_parcel"),
                new QuickReply("Exchange for another size", "/return_item"),
                new QuickReply("No", "/deny")), List.of());
        WhatsAppRenderer.Rendered rendered = renderer.render(message, "49", NUMBER);
        assertEquals("buttons", rendered.kind());
        Map<String, Object> interactive = part(rendered.json(), "interactive");
        assertEquals("button", interactive.get("type"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> buttons = (List<Map<String, Object>>) part(interactive, "action").get("buttons");
        assertEquals(3, buttons.size());
        assertEquals("Exchange for anothe…", ((Map<?, ?>) buttons.get(1).get("reply")).get("title"));
        assertEquals(ReplyChoices.quickReplyId(message, 1), ((Map<?, ?>) buttons.get(1).get("reply")).get("id"));
        buttons.forEach(button -> assertTrue(((String) ((Map<?, ?>) button.get("reply")).get("title")).length() <= 20));
    }

    @Test
    void moreThanThreeQuickRepliesOrSeveralOffersBecomeAListOfAtMostTenRows() {
        WhatsAppRenderer.Rendered four = renderer.render(reply(Author.BOT, "Pick", quickReplies(4), List.of()), "49",
                NUMBER);
        assertEquals("list", four.kind());
        Map<String, Object> action = part(four.json(), "interactive", "action");
        assertEquals("Auswählen", action.get("button"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) action.get("sections");
        assertEquals(1, sections.size());
        assertFalse(sections.get(0).containsKey("title"), "one section needs no title");

        List<OfferCard> offers = List.of(offer("o1", "A very long offer title that goes on"), offer("o2", "Socks"));
        WhatsAppRenderer.Rendered many = renderer.render(reply(Author.BOT, "Deals", quickReplies(12), offers), "49",
                NUMBER);
        assertEquals("list", many.kind());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> manySections = (List<Map<String, Object>>) part(many.json(), "interactive",
                "action").get("sections");
        assertEquals(List.of("Angebote", "Antworten"), manySections.stream().map(s -> s.get("title")).toList());
        @SuppressWarnings("unchecked")
        int rows = manySections.stream().mapToInt(s -> ((List<Object>) s.get("rows")).size()).sum();
        assertEquals(10, rows);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) manySections.get(0).get("rows")).get(0);
        assertEquals("A very long offer title…", first.get("title"));
    }

    @Test
    void oneOfferWithFewRepliesIsAButtonAndTheOfferIsInTheText() {
        OfferCard offer = new OfferCard("o1", null, "Free socks", "With any pair", "SOCKS", null, null, null, null,
                null);
        WhatsAppRenderer.Rendered rendered = renderer.render(reply(Author.BOT, "Good news.", quickReplies(2),
                List.of(offer)), "49", NUMBER);
        assertEquals("buttons", rendered.kind());
        assertEquals("Good news.\n\nFree socks: code SOCKS", part(rendered.json(), "interactive", "body").get("text"));
    }

    @Test
    void titlesThatCollideOnceShortenedGoToAList() {
        List<QuickReply> alike = List.of(new QuickReply("Deliver to my home address", "/a"),
                new QuickReply("Deliver to my home address instead", "/b"));
        assertEquals("list", renderer.render(reply(Author.BOT, "Where?", alike, List.of()), "49", NUMBER).kind());
    }

    @Test
    void templatesAreChosenByAuthorAndCarryTheTextAsAFlatParameter() {
        ConversationMessage agent = reply(Author.AGENT, "Hello,\n\nyour parcel\tis    on its way.", quickReplies(2),
                List.of());
        WhatsAppRenderer.Rendered rendered = renderer.template(agent, "49", NUMBER).orElseThrow();
        assertEquals("template", rendered.kind());
        Map<String, Object> template = part(rendered.json(), "template");
        assertEquals("agent_reply", template.get("name"));
        assertEquals(Map.of("code", "de"), template.get("language"));
        assertEquals(List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text",
                "text", "Hello, your parcel is   on its way.")))), template.get("components"));
        assertTrue(renderer.template(reply(Author.BOT, "hi", List.of(), List.of()), "49", NUMBER).isEmpty(),
                "no template for bot messages on this number");
    }
}
