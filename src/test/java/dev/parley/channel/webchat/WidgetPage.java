package dev.parley.channel.webchat;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The web chat widget as a test sees it in the browser: the elements of its shadow root, and its state read through
 * the DOM (what a shopper sees) and localStorage (what it keeps across page loads). Waits are on DOM conditions.
 */
public final class WidgetPage {

    /** A message as shown: its seq (0 while not stored yet), author, text and the direction the text is laid out. */
    public record Shown(long seq, String author, String text, boolean pending, String direction) {
    }

    private static final String ROOT = "const host = document.getElementById('parley-webchat');"
            + "const root = host && host.shadowRoot;";
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final WebDriver driver;
    private final String origin;

    public WidgetPage(WebDriver driver, String origin) {
        this.driver = driver;
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    /** Opens a page of the site and waits until the widget is on it, styled. */
    public WidgetPage load(String path) {
        driver.get(origin + path);
        return awaitWidget();
    }

    WidgetPage reload() {
        driver.navigate().refresh();
        return awaitWidget();
    }

    /** A first-time visitor: no stored session. */
    public WidgetPage forgetVisitor() {
        driver.get(origin + "/api/ping"); // any page of the origin: localStorage is per origin
        js("localStorage.clear(); sessionStorage.clear();");
        return this;
    }

    private WidgetPage awaitWidget() {
        await("the widget is on the page and styled", page -> Boolean.TRUE.equals(page.js(ROOT
                + "return !!root && !!root.querySelector('.parley-launcher') && host.style.visibility !== 'hidden'"
                + " && getComputedStyle(root.querySelector('.parley-launcher')).position === 'fixed';")));
        return this;
    }

    SearchContext shadow() {
        return driver.findElement(By.id("parley-webchat")).getShadowRoot();
    }

    WebElement find(String css) {
        return shadow().findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return shadow().findElements(By.cssSelector(css));
    }

    public WebElement launcher() {
        return find(".parley-launcher");
    }

    WebElement input() {
        return find(".parley-input");
    }

    public boolean panelShown() {
        return Boolean.TRUE.equals(js(ROOT + "return !root.querySelector('.parley-panel').hidden;"));
    }

    /** Types into the message box and presses Enter, as a shopper does. */
    public void type(String text) {
        WebElement input = input();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    void pressEscape() {
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    }

    public List<Shown> messages() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) js(ROOT
                + "return Array.from(root.querySelectorAll('.parley-log > li')).map(li => {"
                + "  const bubble = li.querySelector('.parley-bubble');"
                + "  return {seq: li.dataset.seq || '0', author: li.dataset.author, text: bubble.textContent,"
                + "          pending: li.classList.contains('parley-message--pending'),"
                + "          direction: getComputedStyle(bubble).direction};"
                + "});");
        List<Shown> shown = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            shown.add(new Shown(Long.parseLong((String) row.get("seq")), (String) row.get("author"),
                    (String) row.get("text"), Boolean.TRUE.equals(row.get("pending")), (String) row.get("direction")));
        }
        return shown;
    }

    /** Whether the shopper's message is stored and the assistant (or anyone) has written after it. */
    public boolean answered(String text) {
        List<Shown> shown = messages();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).author().equals("shopper") && shown.get(i).text().equals(text) && !shown.get(i).pending()) {
                return shown.subList(i + 1, shown.size()).stream().anyMatch(m -> !m.author().equals("shopper"));
            }
        }
        return false;
    }

    /** The messages after the shopper's message {@code text}. */
    public List<Shown> after(String text) {
        List<Shown> shown = messages();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).author().equals("shopper") && shown.get(i).text().equals(text)) {
                return shown.subList(i + 1, shown.size());
            }
        }
        return List.of();
    }

    List<WebElement> quickReplies() {
        return findAll(".parley-suggestions:not([hidden]) .parley-chip");
    }

    List<String> quickReplyTitles() {
        return quickReplies().stream().map(WebElement::getText).toList();
    }

    WebElement quickReply(String title) {
        return quickReplies().stream().filter(chip -> chip.getText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no quick reply " + title + " among " + quickReplyTitles()));
    }

    /** The widget's stored state in localStorage: sessionId, visitorId, lastSeq, open. */
    @SuppressWarnings("unchecked")
    Map<String, Object> stored() {
        Object value = js("const key = Object.keys(localStorage).find(k => k.startsWith('parley.webchat:'));"
                + "return key ? JSON.parse(localStorage.getItem(key)) : {};");
        return (Map<String, Object>) value;
    }

    public String sessionId() {
        return (String) stored().get("sessionId");
    }

    /** The socket state the widget shows on its root: connecting, open or closed. */
    public String connection() {
        return (String) js(ROOT + "return root.querySelector('.parley').getAttribute('data-connection');");
    }

    /** The class of the focused element inside the widget ("" when the focus is elsewhere). */
    String focused() {
        return (String) js(ROOT + "return root.activeElement ? root.activeElement.className : '';");
    }

    public String text(String css) {
        return (String) js(ROOT + "const e = root.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    boolean visible(String css) {
        return Boolean.TRUE.equals(js(ROOT + "const e = root.querySelector(arguments[0]);"
                + "return !!e && !e.hidden && e.getClientRects().length > 0;", css));
    }

    String attribute(String css, String name) {
        return (String) js(ROOT + "const e = root.querySelector(arguments[0]);"
                + "return e ? e.getAttribute(arguments[1]) : null;", css, name);
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public WidgetPage await(String what, Predicate<WidgetPage> condition) {
        new WebDriverWait(driver, PATIENCE).withMessage(what).ignoring(RuntimeException.class)
                .until(d -> condition.test(this));
        return this;
    }
}
