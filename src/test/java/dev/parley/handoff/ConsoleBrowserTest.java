package dev.parley.handoff;

import dev.parley.channel.webchat.WidgetPage;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.message.Channel;
import dev.parley.testing.HeadlessChromium;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent console and the web chat widget side by side in headless Chromium (two tabs), against the running app
 * with the real NLU and MariaDB: a shopper asks for a person, the agent sees it arrive in the console's queue, takes
 * it, reads the transcript and context, answers, the answer appears live in the shopper's widget, and the agent
 * gives the conversation back to the bot.
 */
@MicronautTest(transactional = false)
class ConsoleBrowserTest {

    static final String PASSWORD = "console password 1";
    static final Duration PATIENCE = Duration.ofSeconds(45);

    static HeadlessChromium chromium;

    @Inject
    EmbeddedServer server;

    @Inject
    ConversationService conversations;

    @Inject
    AgentAccounts accounts;

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    static Object js(WebDriver driver, String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    static void await(WebDriver driver, String what, Predicate<WebDriver> condition) {
        try {
            new WebDriverWait(driver, PATIENCE).withMessage(what).ignoring(RuntimeException.class)
                    .until(condition::test);
        } catch (RuntimeException e) {
            chromium.screenshot(Path.of("target", "agent-console-failure.png"));
            throw e;
        }
    }

    @Test
    void aShopperAsksForAPersonTheAgentAnswersFromTheConsoleAndReturnsItToTheBot() {
        assertTrue(HeadlessChromium.installed(), "Chromium and chromedriver are missing: run scripts/test-prerequisites");
        chromium = new HeadlessChromium(1280, 860);
        WebDriver driver = chromium.driver();
        String origin = "http://127.0.0.1:" + server.getPort();
        String agentId = "robin-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(agentId, "Robin", PASSWORD, AgentRole.AGENT, List.of("orders", "returns", "payments",
                "sales"), List.of("en"), 3);

        // the agent logs in first: the console goes live over its WebSocket
        String shopperTab = driver.getWindowHandle();
        WidgetPage widget = new WidgetPage(driver, origin).forgetVisitor();
        driver.switchTo().newWindow(WindowType.TAB);
        String consoleTab = driver.getWindowHandle();
        driver.get(origin + "/console/");
        driver.findElement(By.id("username")).sendKeys(agentId);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
        await(driver, "the console is live", d -> "open".equals(js(d,
                "return document.getElementById('connection').dataset.state;")));

        // the shopper asks for a person in the widget
        driver.switchTo().window(shopperTab);
        widget.load("/");
        widget.launcher().click();
        widget.await("the greeting is shown and the socket is open",
                p -> p.messages().size() == 1 && "open".equals(p.connection()));
        widget.type("can I talk to a human please");
        widget.await("the shopper is told a person is coming", p -> p.messages().stream()
                .anyMatch(m -> m.author().equals("system")));
        Conversation conversation = conversations.findBySession(Channel.WEBCHAT, widget.sessionId()).orElseThrow();
        assertEquals(ConversationState.QUEUED, conversations.find(conversation.id()).orElseThrow().state());

        // the agent sees it arrive, takes it, and answers
        driver.switchTo().window(consoleTab);
        await(driver, "the conversation appears in the queue", d -> !d.findElements(By.cssSelector(
                "#queue .queue-item[data-conversation-id='" + conversation.id() + "']")).isEmpty());
        driver.findElement(By.id("take-next")).click();
        await(driver, "the conversation opens with the reply box", d -> d.findElement(By.id("reply-form"))
                .isDisplayed());
        await(driver, "the transcript shows what the shopper said", d -> d.findElements(By.cssSelector(
                "#transcript li[data-author=shopper] .text")).stream()
                .anyMatch(e -> e.getText().equals("can I talk to a human please")));
        await(driver, "the context panel shows why", d -> d.findElement(By.id("context")).getText()
                .contains("explicit request"));
        driver.findElement(By.id("reply-input")).sendKeys("Hi, this is Robin. How can I help?");
        driver.findElement(By.id("send-reply")).click();
        await(driver, "the reply is in the console's transcript", d -> d.findElements(By.cssSelector(
                "#transcript li[data-author=agent] .text")).stream()
                .anyMatch(e -> e.getText().equals("Hi, this is Robin. How can I help?")));
        chromium.screenshot(Path.of("target", "agent-console.png"));

        driver.switchTo().window(shopperTab);
        widget.await("the agent's answer arrives live in the widget", p -> p.messages().stream()
                .anyMatch(m -> m.author().equals("agent") && m.text().equals("Hi, this is Robin. How can I help?")));
        assertEquals("You are chatting with a person", widget.text(".parley-subtitle"));

        // back to the bot
        driver.switchTo().window(consoleTab);
        driver.findElement(By.id("return-to-bot")).click();
        await(driver, "the reply box goes", d -> !d.findElement(By.id("reply-form")).isDisplayed());
        assertEquals(ConversationState.BOT, conversations.find(conversation.id()).orElseThrow().state());
        driver.switchTo().window(shopperTab);
        int shown = widget.messages().size();
        widget.type("where is my order PA-123456");
        widget.await("the bot answers again", p -> p.messages().size() >= shown + 2
                && p.after("where is my order PA-123456").stream().anyMatch(m -> m.author().equals("bot")));
        chromium.screenshot(Path.of("target", "agent-console-widget.png"));
    }
}
