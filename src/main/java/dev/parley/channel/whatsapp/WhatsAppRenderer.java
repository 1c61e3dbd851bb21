package dev.parley.channel.whatsapp;

import dev.parley.conversation.ConversationMessage;
import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical reply in WhatsApp's terms (the Graph API's message JSON), within WhatsApp's limits:
 * <ul>
 *   <li>plain text when there is nothing to pick;</li>
 *   <li>up to 3 reply buttons (titles ≤ 20 characters) for quick replies, with at most one offer, shown in the
 *       text;</li>
 *   <li>a list (≤ 10 rows, titles ≤ 24, descriptions ≤ 72) for more than 3 choices or several offers: offers
 *       first, then quick replies; what does not fit is left out;</li>
 *   <li>a template once the 24-hour window has closed (its approved text, with ours as its parameter if it has
 *       one; buttons and offers cannot go with it).</li>
 * </ul>
 * Titles are shortened with an ellipsis; the ids of buttons and rows ({@link ReplyChoices}) map a pick back to the
 * full quick reply or offer.
 */
@Singleton
class WhatsAppRenderer {

    static final int MAX_TEXT = 4096;
    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_DESCRIPTION = 72;
    static final int MAX_TEMPLATE_PARAMETER = 1024;

    /**
     * A message ready for the Graph API.
     *
     * @param kind text, buttons, list or template (recorded with the sent message)
     */
    record Rendered(String kind, Map<String, Object> json) {
    }

    /** A free-form message: for inside the 24-hour window. */
    Rendered render(ConversationMessage message, String recipient, WhatsAppNumber number) {
        List<QuickReply> quickReplies = message.quickReplies();
        List<OfferCard> offers = message.offers();
        if (quickReplies.isEmpty() && offers.isEmpty()) {
            return new Rendered("text", envelope(recipient, "text", Map.of("body", shorten(message.text(), MAX_TEXT),
                    "preview_url", false)));
        }
        if (offers.size() <= 1 && quickReplies.size() + offers.size() <= MAX_BUTTONS
                && titlesStayDistinct(quickReplies, offers)) {
            return buttons(message, recipient);
        }
        return list(message, recipient, number);
    }

    /**
     * The template configured for who wrote the message ({@code bot}, {@code agent}, {@code system}): for outside
     * the 24-hour window; empty when there is none.
     */
    Optional<Rendered> template(ConversationMessage message, String recipient, WhatsAppNumber number) {
        return number.template(message.author().id()).map(template -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", template.name());
            body.put("language", Map.of("code", template.language()));
            if (template.textParameter()) {
                body.put("components", List.of(Map.of("type", "body", "parameters",
                        List.of(Map.of("type", "text", "text", templateParameter(message.text()))))));
            }
            return new Rendered("template", envelope(recipient, "template", body));
        });
    }

    private Rendered buttons(ConversationMessage message, String recipient) {
        List<Map<String, Object>> buttons = new ArrayList<>();
        StringBuilder text = new StringBuilder(message.text());
        for (int i = 0; i < message.offers().size(); i++) {
            OfferCard offer = message.offers().get(i);
            text.append("\n\n").append(offerLine(offer));
            buttons.add(button(ReplyChoices.offerId(message, i), offer.title()));
        }
        for (int i = 0; i < message.quickReplies().size(); i++) {
            buttons.add(button(ReplyChoices.quickReplyId(message, i), message.quickReplies().get(i).title()));
        }
        Map<String, Object> interactive = new LinkedHashMap<>();
        interactive.put("type", "button");
        interactive.put("body", Map.of("text", shorten(text.toString(), MAX_INTERACTIVE_BODY)));
        interactive.put("action", Map.of("buttons", buttons));
        return new Rendered("buttons", envelope(recipient, "interactive", interactive));
    }

    private Rendered list(ConversationMessage message, String recipient, WhatsAppNumber number) {
        List<Map<String, Object>> offerRows = new ArrayList<>();
        for (int i = 0; i < message.offers().size() && offerRows.size() < MAX_ROWS; i++) {
            OfferCard offer = message.offers().get(i);
            offerRows.add(row(ReplyChoices.offerId(message, i), offer.title(), offerDetails(offer)));
        }
        List<Map<String, Object>> replyRows = new ArrayList<>();
        for (int i = 0; i < message.quickReplies().size() && offerRows.size() + replyRows.size() < MAX_ROWS; i++) {
            replyRows.add(row(ReplyChoices.quickReplyId(message, i), message.quickReplies().get(i).title(), null));
        }
        List<Map<String, Object>> sections = new ArrayList<>();
        boolean titled = !offerRows.isEmpty() && !replyRows.isEmpty(); // titles are required with several sections
        if (!offerRows.isEmpty()) {
            sections.add(section(titled ? number.labels().offersSection() : null, offerRows));
        }
        if (!replyRows.isEmpty()) {
            sections.add(section(titled ? number.labels().repliesSection() : null, replyRows));
        }
        Map<String, Object> interactive = new LinkedHashMap<>();
        interactive.put("type", "list");
        interactive.put("body", Map.of("text", shorten(message.text(), MAX_INTERACTIVE_BODY)));
        interactive.put("action", Map.of("button", number.labels().listButton(),
                "sections", sections));
        return new Rendered("list", envelope(recipient, "interactive", interactive));
    }

    private static Map<String, Object> envelope(String recipient, String type, Map<String, Object> content) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messaging_product", "whatsapp");
        json.put("recipient_type", "individual");
        json.put("to", recipient);
        json.put("type", type);
        json.put(type, content);
        return json;
    }

    private static Map<String, Object> button(String id, String title) {
        return Map.of("type", "reply", "reply", Map.of("id", id, "title", shorten(title, MAX_BUTTON_TITLE)));
    }

    private static Map<String, Object> row(String id, String title, String description) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("title", shorten(title, MAX_ROW_TITLE));
        if (description != null && !description.isBlank()) {
            row.put("description", shorten(description, MAX_ROW_DESCRIPTION));
        }
        return row;
    }

    private static Map<String, Object> section(String title, List<Map<String, Object>> rows) {
        Map<String, Object> section = new LinkedHashMap<>();
        if (title != null) {
            section.put("title", title);
        }
        section.put("rows", rows);
        return section;
    }

    /** WhatsApp rejects two buttons with the same title; shortened titles may collide, and then a list is used. */
    private static boolean titlesStayDistinct(List<QuickReply> quickReplies, List<OfferCard> offers) {
        Set<String> titles = new HashSet<>();
        for (OfferCard offer : offers) {
            if (!titles.add(shorten(offer.title(), MAX_BUTTON_TITLE))) {
                return false;
            }
        }
        for (QuickReply quickReply : quickReplies) {
            if (!titles.add(shorten(quickReply.title(), MAX_BUTTON_TITLE))) {
                return false;
            }
        }
        return true;
    }

    /** The offer in one line of text: title, price, code. */
    private static String offerLine(OfferCard offer) {
        String details = offerDetails(offer);
        return details.isEmpty() ? offer.title() : offer.title() + ": " + details;
    }

    private static String offerDetails(OfferCard offer) {
        List<String> parts = new ArrayList<>();
        if (offer.price() != null) {
            parts.add(price(offer.price(), offer.currency()));
        }
        if (offer.couponCode() != null && !offer.couponCode().isBlank()) {
            parts.add("code " + offer.couponCode());
        }
        if (parts.isEmpty() && offer.description() != null) {
            parts.add(offer.description());
        }
        return String.join(", ", parts);
    }

    private static String price(BigDecimal amount, String currency) {
        String value = amount.stripTrailingZeros().scale() <= 0 ? amount.toBigInteger().toString()
                : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return currency == null ? value : value + " " + currency;
    }

    /** Template parameters may not hold line breaks, tabs or more than four spaces in a row. */
    static String templateParameter(String text) {
        String flat = text.replaceAll("[\\t\\r\\n]+", " ").replaceAll(" {4,}", "   ").strip();
        return shorten(flat, MAX_TEMPLATE_PARAMETER);
    }

    /** At most {@code max} characters (code points), the last an ellipsis when something was cut. */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end).stripTrailing() + "…";
    }
}
