package dev.parley.channel.webchat;

import dev.parley.channel.webchat.WidgetPage.Shown;
import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.Direction;
import dev.parley.message.Channel;
import dev.parley.message.OfferCard;
import dev.parley.message.Reply;
import dev.parley.testing.HeadlessChromium;
import dev.parley.testing.Rows;
import dev.parley.testing.UnreliableLink;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embeddable widget in headless Chromium against the running app (real NLU, MariaDB): the demo shop page, a
 * conversation of several turns with quick replies, the history after a reload, agent messages, typing and offer
 * cards arriving live, right-to-left text, a dropped connection and a lost answer. The browser reaches the server
 * through an {@link UnreliableLink}, which passes everything through until a test makes the network fail.
 */
@MicronautTest(transactional = false)
class WebchatWidgetBrowserTest {

    static final Path SCREENSHOTS = Path.of("target");
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    static HeadlessChromium chromium;
    static UnreliableLink link;

    @Inject
    EmbeddedServer server;

    @Inject
    ConversationService conversations;

    @Inject
    Rows rows;

    WidgetPage page;

    @BeforeEach
    void browser() throws IOException {
        assertTrue(HeadlessChromium.installed(), "Chromium and chromedriver are missing: run scripts/test-prerequisites");
        if (link == null) {
            link = new UnreliableLink(server.getPort());
        }
        if (chromium == null) {
            chromium = new HeadlessChromium(1280, 860);
        }
        link.online();
        page = new WidgetPage(chromium.driver(), "http://127.0.0.1:" + link.port()).forgetVisitor();
    }

    @AfterAll
    static void close() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** Opens the demo shop, opens the chat with the launcher and waits for the greeting and a live socket. */
    void openChat() {
        page.load("/");
        page.launcher().click();
        page.await("the greeting is shown and the socket is open",
                p -> p.messages().size() == 1 && "open".equals(p.connection()));
    }

    Conversation conversation() {
        String sessionId = page.sessionId();
        assertNotNull(sessionId, "the widget stores its session id");
        return conversations.findBySession(Channel.WEBCHAT, sessionId).orElseThrow();
    }

    List<ConversationMessage> stored(Conversation conversation) {
        return conversations.messages(conversation.id(), 0, 100).messages();
    }

    /** What the browser shows is exactly what is stored: same messages, same order, none twice, none missing. */
    void assertShowsExactlyWhatIsStored(Conversation conversation) {
        List<String> stored = stored(conversation).stream()
                .map(m -> m.seq() + " " + m.author().id() + " " + m.text()).toList();
        List<String> shown = page.messages().stream().map(m -> m.seq() + " " + m.author() + " " + m.text()).toList();
        assertEquals(stored, shown);
    }

    @Test
    void chatsThroughSeveralTurnsWithAQuickReplyAndKeepsTheHistoryAcrossAReload() {
        page.load("/");
        assertFalse(page.panelShown());
        assertEquals("false", page.launcher().getAttribute("aria-expanded"));
        assertEquals("parley-panel", page.launcher().getAttribute("aria-controls"));

        page.launcher().click();
        page.await("the panel opens with the assistant's greeting", p -> p.panelShown() && p.messages().size() == 1);
        assertEquals("true", page.launcher().getAttribute("aria-expanded"));
        assertEquals("parley-input", page.focused(), "opening the chat puts the focus in the message box");
        Shown greeting = page.messages().get(0);
        assertEquals(1, greeting.seq());
        assertEquals("bot", greeting.author());

        // turn 1: typed; the assistant greets back and offers quick replies
        page.type("hi");
        page.await("the assistant answers hi and offers quick replies",
                p -> p.answered("hi") && !p.quickReplies().isEmpty());
        assertTrue(page.quickReplyTitles().contains("Where is my order?"), page.quickReplyTitles().toString());

        // turn 2: a quick reply, sent with its title as the text; the assistant asks for the order number
        page.quickReply("Where is my order?").click();
        page.await("the quick reply is sent as the shopper's message and answered",
                p -> p.answered("Where is my order?"));
        assertTrue(page.after("Where is my order?").get(0).text().contains("order number"),
                page.after("Where is my order?").toString());

        // turn 3: the order number; the answer comes from the orders table
        page.type("PA-123456");
        page.await("the assistant answers with the order's status", p -> p.answered("PA-123456"));
        Shown status = page.after("PA-123456").get(0);
        assertEquals("bot", status.author());
        assertTrue(status.text().contains("PA-123456"), status.text());

        Conversation conversation = conversation();
        List<ConversationMessage> inbound = stored(conversation).stream()
                .filter(m -> m.direction() == Direction.INBOUND).toList();
        assertEquals(List.of("hi", "Where is my order?", "PA-123456"),
                inbound.stream().map(ConversationMessage::text).toList());
        assertEquals("Where is my order?", inbound.get(1).payload(), "the quick reply's payload went with it");
        inbound.forEach(m -> assertTrue(UUID.matcher(m.channelMessageId()).matches(),
                "sent with a client message id: " + m.channelMessageId()));
        assertShowsExactlyWhatIsStored(conversation);
        chromium.screenshot(SCREENSHOTS.resolve("webchat-widget.png"));

        // a reload: the same session, its whole history, the panel as it was
        List<Shown> before = page.messages();
        String sessionId = page.sessionId();
        page.reload();
        page.await("the history is back after the reload", p -> p.panelShown() && p.messages().equals(before));
        assertEquals(sessionId, page.sessionId());
        assertEquals(before.get(before.size() - 1).seq(), ((Number) page.stored().get("lastSeq")).longValue());
        page.await("the socket resumes after the history", p -> "open".equals(p.connection()));
        page.type("thanks");
        page.await("the conversation goes on in the same session", p -> p.answered("thanks"));
        assertShowsExactlyWhatIsStored(conversation);
    }

    @Test
    void agentMessagesTypingStateAndOfferCardsArriveLive() {
        openChat();
        String id = conversation().id();

        conversations.transition(id, ConversationState.QUEUED, "test");
        conversations.transition(id, ConversationState.AGENT, "test");
        page.await("the header says a person has the conversation",
                p -> "You are chatting with a person".equals(p.text(".parley-subtitle")));

        conversations.typing(id, Author.AGENT, true);
        page.await("the agent's typing indicator shows", p -> p.visible(".parley-typing"));
        assertEquals("Agent is typing…", page.text(".parley-typing .parley-sr"));

        OfferCard offer = new OfferCard("offer-7", "decision-7", "Spring sneakers", "20% off every sneaker in size 40-44",
                "SPRING20", "SKU-0001", new BigDecimal("61.59"), "EUR", null,
                Instant.now().plus(7, ChronoUnit.DAYS));
        conversations.postAgentMessage(id, "agent-sam", new Reply("Hi, Sam here. This code is yours:",
                List.of(), List.of(offer), true, false));
        page.await("the agent's message arrives with its offer card",
                p -> p.messages().stream().anyMatch(m -> m.author().equals("agent")));
        assertFalse(page.visible(".parley-typing"), "the indicator goes when the agent's message arrives");
        assertEquals("Agent", page.text(".parley-message--agent .parley-author"));
        assertEquals("Spring sneakers", page.text(".parley-offer-title"));
        assertEquals("20% off every sneaker in size 40-44", page.text(".parley-offer-description"));
        assertEquals("€61.59", page.text(".parley-offer-price"));
        assertEquals("SPRING20", page.text(".parley-coupon-code"));
        assertTrue(page.text(".parley-offer-expiry").startsWith("Valid until "));
        assertTrue(page.text("[aria-live=polite]").contains("Agent: Hi, Sam here. This code is yours:"),
                "the live region announces it: " + page.text("[aria-live=polite]"));
        chromium.screenshot(SCREENSHOTS.resolve("webchat-widget-agent.png"));

        // closed with Esc: the focus goes back to the launcher, and what arrives meanwhile is counted as unread
        page.input().click();
        page.pressEscape();
        page.await("Esc closes the panel", p -> !p.panelShown());
        assertEquals("parley-launcher", page.focused());
        assertEquals("false", page.launcher().getAttribute("aria-expanded"));
        conversations.postSystemMessage(id, Reply.text("Sam has left the conversation."));
        page.await("the launcher shows one unread message", p -> "1".equals(p.text(".parley-badge"))
                && p.visible(".parley-badge"));
        assertTrue(page.launcher().getAttribute("aria-label").contains("1 unread"));
        page.launcher().click();
        page.await("opening the chat clears the badge", p -> p.panelShown() && !p.visible(".parley-badge"));
        assertShowsExactlyWhatIsStored(conversation());
    }

    @Test
    void offerCardsTellTheEngineWhatTheShopperDidWithThem() {
        openChat();
        page.type("/moving_home");
        page.await("the personalization engine's offers follow the answer",
                p -> !p.findAll(".parley-offer").isEmpty());
        String dismissed = decisions().get(0);
        clickInView(page.findAll(".parley-offer").get(0).findElement(By.cssSelector(".parley-dismiss")));
        page.await("a dismissed offer is hidden", p -> !p.findAll(".parley-offer").get(0).isDisplayed());
        awaitOutcome(dismissed, "dismissed");

        // a complaint gets the recovery gesture: an apology coupon, whose code the shopper copies
        int before = page.findAll(".parley-offer").size();
        page.type("/complaint");
        page.await("the recovery gesture arrives", p -> p.findAll(".parley-offer").size() > before);
        List<WebElement> cards = page.findAll(".parley-offer");
        clickInView(cards.get(cards.size() - 1).findElement(By.cssSelector(".parley-copy")));
        List<String> decisions = decisions();
        awaitOutcome(decisions.get(decisions.size() - 1), "accepted");
    }

    /** Clicks a button as a shopper would, once the log has it in view (new messages may still be scrolling in). */
    void clickInView(WebElement button) {
        page.js("arguments[0].scrollIntoView({block: 'center'});", button);
        page.await("the button is in view and on top", p -> Boolean.TRUE.equals(p.js("const r = arguments[0]"
                + ".getBoundingClientRect(); const top = arguments[0].getRootNode().elementFromPoint(r.left + r.width"
                + " / 2, r.top + r.height / 2); return top === arguments[0] || arguments[0].contains(top);", button)));
        button.click();
    }

    /** The decision ids of the offer cards stored in this conversation, in the order shown. */
    List<String> decisions() {
        return stored(conversation()).stream().flatMap(m -> m.offers().stream()).map(OfferCard::decisionId).toList();
    }

    void awaitOutcome(String decisionId, String outcome) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (rows.count("SELECT COUNT(*) FROM offer_rewards WHERE decision_id = ? AND outcome = '" + outcome + "'",
                decisionId) == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "no " + outcome + " reward for " + decisionId);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void hebrewAndArabicTextIsLaidOutRightToLeft() {
        openChat();
        assertEquals("ltr", page.attribute(".parley", "dir"), "an English page's panel reads left to right");

        page.type("שלום, מתי החנות בתל אביב נפתחת?");
        page.await("the Hebrew message is answered", p -> p.answered("שלום, מתי החנות בתל אביב נפתחת?"));
        page.type("مرحبا، أين طلبي؟");
        page.await("the Arabic message is answered", p -> p.answered("مرحبا، أين طلبي؟"));
        List<Shown> shown = page.messages();
        assertEquals("ltr", shown.get(0).direction(), "the English greeting");
        assertEquals("rtl", shown.stream().filter(m -> m.text().startsWith("שלום")).findFirst().orElseThrow()
                .direction());
        assertEquals("rtl", shown.stream().filter(m -> m.text().startsWith("مرحبا")).findFirst().orElseThrow()
                .direction());
        assertEquals("auto", page.attribute(".parley-bubble", "dir"));
    }

    @Test
    void aHebrewPageGetsARightToLeftPanelAndTheShopsCustomer() {
        page.load("/widget-test-he.html");
        assertEquals("rtl", page.attribute(".parley", "dir"));
        assertEquals("he", page.attribute(".parley", "lang"));
        long launcherLeft = ((Number) page.js("return document.getElementById('parley-webchat').shadowRoot"
                + ".querySelector('.parley-launcher').getBoundingClientRect().left;")).longValue();
        assertTrue(launcherLeft < 640, "the launcher sits at the inline end, which is the left in Hebrew: " + launcherLeft);
        assertEquals("שירות לקוחות", page.launcher().getAttribute("aria-label"));

        page.launcher().click();
        page.await("the greeting is shown", p -> p.messages().size() == 1 && "open".equals(p.connection()));
        assertEquals("כתבו הודעה…", page.input().getAttribute("placeholder"));
        assertEquals("סגירת הצ׳אט", page.attribute(".parley-close", "aria-label"));
        page.type("שלום");
        page.await("the message is answered", p -> p.answered("שלום"));
        assertEquals("rtl", page.messages().get(1).direction());
        chromium.screenshot(SCREENSHOTS.resolve("webchat-widget-rtl.png"));

        Conversation conversation = conversation();
        assertEquals("he", conversation.locale());
        var shopper = conversations.shopper(conversation.shopperId()).orElseThrow();
        assertEquals("cust-1001", shopper.customerId());
        assertEquals("דנה", shopper.displayName());
    }

    @Test
    void aDroppedConnectionResumesAfterTheLastSeqWithoutLosingOrRepeatingMessages() {
        openChat();
        page.type("hi");
        page.await("the first turn is answered", p -> p.answered("hi"));
        String id = conversation().id();

        link.offline(); // every connection drops; reconnecting fails until the network is back
        page.await("the widget says it is reconnecting", p -> p.visible(".parley-connection")
                && "closed".equals(p.connection()));
        conversations.postSystemMessage(id, Reply.text("A colleague will join you shortly."));
        conversations.postSystemMessage(id, Reply.text("You are number 2 in the queue."));
        link.online();

        page.await("both messages stored meanwhile arrive after the reconnect",
                p -> p.messages().stream().anyMatch(m -> m.text().equals("You are number 2 in the queue.")));
        page.await("the notice goes once the socket is back", p -> !p.visible(".parley-connection")
                && "open".equals(p.connection()));
        assertEquals(1, page.messages().stream().filter(m -> m.text().equals("A colleague will join you shortly."))
                .count());
        assertShowsExactlyWhatIsStored(conversation());
        assertTrue(link.requests("GET /ws/webchat/").stream().anyMatch(line -> line.contains("after=")
                && !line.contains("after=0 ") && !line.contains("after=1 ")), "the reconnect resumed after the last "
                + "seq shown: " + link.requests("GET /ws/webchat/"));

        // and it is live again
        conversations.postSystemMessage(id, Reply.text("Still there?"));
        page.await("a message after the reconnect arrives live",
                p -> p.messages().stream().anyMatch(m -> m.text().equals("Still there?")));
        assertShowsExactlyWhatIsStored(conversation());
    }

    @Test
    void aMessageWhoseAnswerIsLostIsSentAgainWithTheSameIdAndStoredOnce() {
        openChat();
        String sessionPath = "POST /api/webchat/sessions/" + page.sessionId() + "/messages";
        // two lost answers: Chromium itself may resend a request once when a reused connection resets, the second
        // loss leaves the retry to the widget
        link.cutTheAnswersToNext(2, sessionPath);

        page.type("hi");
        page.await("the message is answered after the retries", p -> p.answered("hi"));
        page.await("nothing is pending", p -> p.messages().stream().noneMatch(Shown::pending));
        page.await("the widget sends until an answer gets through", p -> link.requests(sessionPath).size() >= 3);
        assertEquals(3, link.requests(sessionPath).size(), "two sends whose answers were lost, one that got through");

        Conversation conversation = conversation();
        List<ConversationMessage> inbound = stored(conversation).stream()
                .filter(m -> m.direction() == Direction.INBOUND).toList();
        assertEquals(1, inbound.size(), "stored once however often it was sent");
        assertEquals(1, page.messages().stream().filter(m -> m.author().equals("shopper")).count());
        assertShowsExactlyWhatIsStored(conversation);
    }

    @Test
    void theDemoShopsButtonsAskTheAssistantThroughTheWidgetsApi() {
        page.load("/");
        chromium.driver().findElement(org.openqa.selenium.By.cssSelector("header [data-ask]")).click();
        page.await("the header's 'Track an order' opens the chat and asks", p -> p.panelShown()
                && p.answered("Where is my order?"));
        assertTrue(page.after("Where is my order?").get(0).text().contains("order number"));
    }

    @Test
    void onASmallScreenThePanelFillsTheScreen() {
        org.openqa.selenium.Dimension desktop = chromium.driver().manage().window().getSize();
        try {
            chromium.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            openChat();
            page.await("the panel has finished opening", p -> ((Number) p.js("return document.getElementById("
                    + "'parley-webchat').shadowRoot.querySelector('.parley-panel').getBoundingClientRect().left"))
                    .intValue() == 0);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Number> box = (java.util.Map<String, Number>) page.js(
                    "const r = document.getElementById('parley-webchat').shadowRoot.querySelector('.parley-panel')"
                            + ".getBoundingClientRect();"
                            + "return {left: r.left, top: r.top, width: r.width, height: r.height,"
                            + " viewportWidth: document.documentElement.clientWidth,"
                            + " viewportHeight: document.documentElement.clientHeight};");
            assertEquals(0, box.get("left").intValue());
            assertEquals(0, box.get("top").intValue());
            assertEquals(box.get("viewportWidth").intValue(), box.get("width").intValue());
            assertEquals(box.get("viewportHeight").intValue(), box.get("height").intValue());
            page.type("hi");
            page.await("the conversation works on a phone too", p -> p.answered("hi"));
            chromium.screenshot(SCREENSHOTS.resolve("webchat-widget-phone.png"));
        } finally {
            chromium.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void theChatWorksFromTheKeyboard() {
        page.load("/");
        page.launcher().sendKeys(org.openqa.selenium.Keys.ENTER);
        page.await("Enter on the launcher opens the chat", WidgetPage::panelShown);
        assertEquals("parley-input", page.focused());
        assertEquals("Message", page.text("label[for=parley-input]"));
        assertEquals("Send", page.attribute(".parley-send", "aria-label"));
        assertEquals("dialog", page.attribute(".parley-panel", "role"));
        assertEquals("parley-title", page.attribute(".parley-panel", "aria-labelledby"));

        page.type("hi");
        page.await("Enter sends", p -> p.answered("hi"));
        page.pressEscape();
        page.await("Esc closes", p -> !p.panelShown());
        assertEquals("parley-launcher", page.focused(), "the focus returns to the launcher");
    }
}
