package dev.parley.channel.voice;

import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import dev.parley.message.Reply;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The voice renderer on its own: what Alexa (SSML) and a phone call (plain words) get from a canonical reply. */
class SpeechRendererTest {

    private final SpeechRenderer renderer = new SpeechRenderer(new VoiceSettings(120, "What else can I do for you?",
            "I also have an offer for you:", "Would you like it?", "You can say"));

    @Test
    void pricesAreSpokenAsAmountsOfMoney() {
        VoiceReply reply = renderer.render(List.of(Reply.text("The Cloud Sneaker costs 76.99 EUR, the cap €5.")));
        assertEquals("<speak>The Cloud Sneaker costs <say-as interpret-as=\"cardinal\">76</say-as> euros and"
                + " <say-as interpret-as=\"cardinal\">99</say-as> cents, the cap <say-as interpret-as=\"cardinal\">5"
                + "</say-as> euros.</speak>", reply.speech().ssml());
        assertEquals("The Cloud Sneaker costs 76 euros and 99 cents, the cap 5 euros.", reply.speech().plain());
        assertWellFormed(reply.speech().ssml());
    }

    @Test
    void numbersCodesPercentagesAndRangesAreMarkedForSpeech() {
        String ssml = renderer.render(List.of(Reply.text("Order PA-123456 has 3 items, 20% off, sizes 36-46,"
                + " rated 4.5."))).speech().ssml();
        assertTrue(ssml.contains("Order <say-as interpret-as=\"spell-out\">PA123456</say-as>"), ssml);
        assertTrue(ssml.contains("<say-as interpret-as=\"cardinal\">3</say-as> items"), ssml);
        assertTrue(ssml.contains("<say-as interpret-as=\"cardinal\">20</say-as> percent off"), ssml);
        assertTrue(ssml.contains("<say-as interpret-as=\"cardinal\">36</say-as> to <say-as interpret-as=\"cardinal\">46"
                + "</say-as>"), ssml);
        assertTrue(ssml.contains("<say-as interpret-as=\"cardinal\">4</say-as> point 5"), ssml);
        assertEquals("Order P A 1 2 3 4 5 6 has 3 items.", renderer.render(List.of(Reply.text(
                "Order PA-123456 has 3 items."))).speech().plain());
    }

    @Test
    void linksAndEmojiAreNotSpokenAndTextIsEscaped() {
        VoiceReply reply = renderer.render(List.of(Reply.text("Your parcel is with DHL: https://track.example.com/x?a=1"
                + "&b=2 👋 Tom & Jerry <3 \"quoted\"")));
        String ssml = reply.speech().ssml();
        assertFalse(ssml.contains("http"), ssml);
        assertFalse(ssml.contains("👋"), ssml);
        assertTrue(ssml.contains("Your parcel is with DHL Tom &amp; Jerry &lt;<say-as interpret-as=\"cardinal\">3"
                + "</say-as> &quot;quoted&quot;"), ssml);
        assertWellFormed(ssml);
    }

    @Test
    void anOfferIsOneSentenceWithAYesNoQuestionAndTheQuestionIsTheReprompt() {
        OfferCard offer = new OfferCard("o1", "d1", "20% off running shoes 🏃", "Because you looked at them (new)",
                "SAVE20", "SKU-1", new BigDecimal("49.9"), "EUR", "https://img.example.com/1.png", null);
        VoiceReply reply = renderer.render(List.of(new Reply("Here you go.", List.of(), List.of(offer, offer), true,
                false)));
        assertEquals("Here you go. I also have an offer for you: 20 percent off running shoes, for 49 euros and 90"
                + " cents. Would you like it?", reply.speech().plain());
        assertEquals("Would you like it?", reply.reprompt().plain());
        assertFalse(reply.endsConversation());
    }

    @Test
    void quickRepliesBecomeTheReprompt() {
        VoiceReply reply = renderer.render(List.of(new Reply("Your order has shipped.", List.of(
                new QuickReply("Track my parcel", "/track_parcel"), new QuickReply("Change address", "/change_address"),
                new QuickReply("Talk to a person", "/talk_to_human"), new QuickReply("Fourth", "/x")), List.of(), true,
                false)));
        assertEquals("Your order has shipped.", reply.speech().plain());
        assertEquals("You can say Track my parcel, Change address or Talk to a person.", reply.reprompt().plain());
    }

    @Test
    void theRepromptRepeatsTheQuestionElseAsksWhatElse() {
        assertEquals("What's your order number?", renderer.render(List.of(Reply.text(
                "Sure. What's your order number? It's in your email."))).reprompt().plain());
        assertEquals("What else can I do for you?", renderer.render(List.of(Reply.text("Done."))).reprompt().plain());
    }

    @Test
    void longAnswersKeepWholeSentencesWithinTheBudget() {
        String first = "This first sentence is kept whatever its length, so the shopper always hears an answer.";
        VoiceReply reply = renderer.render(List.of(Reply.text(first + " The second one would go past the budget of"
                + " the test settings. And a third."), Reply.text("1. Strider Trail, 89.90 EUR\n2. Peakform Run, 79 EUR")));
        assertEquals(first, reply.speech().plain());
    }

    @Test
    void listsReadAsSentences() {
        VoiceReply reply = renderer.render(List.of(Reply.text("Top picks:\n1. Strider Trail\n2. Peakform Run")));
        assertEquals("Top picks: Strider Trail. Peakform Run", reply.speech().plain());
    }

    @Test
    void aReplyThatExpectsNoAnswerEndsTheConversation() {
        assertTrue(renderer.render(List.of(new Reply("Goodbye!", List.of(), List.of(), false, false)))
                .endsConversation());
        assertFalse(renderer.render(List.of(Reply.text("Hello!"))).endsConversation());
    }

    private static void assertWellFormed(String ssml) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(ssml.getBytes(StandardCharsets.UTF_8)));
            assertEquals("speak", document.getDocumentElement().getTagName());
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + ssml, e);
        }
    }
}
