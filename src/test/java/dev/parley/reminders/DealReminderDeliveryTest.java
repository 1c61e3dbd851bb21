package dev.parley.reminders;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.conversation.Author;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationStart;
import dev.parley.conversation.OpenConversation;
import dev.parley.message.Channel;
import dev.parley.message.OfferCard;
import dev.parley.offers.events.EventIngestion;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.offer.OfferDefinitions;
import dev.parley.offers.profile.CatalogFacts;
import dev.parley.offers.triggers.DealReminder;
import dev.parley.offers.triggers.DealReminders;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queued deal reminders reach the shopper as an assistant message in their conversation, or say why not. */
@MicronautTest(transactional = false)
@Property(name = "parley.offers.reminders.interval", value = "1h")
class DealReminderDeliveryTest {

    @Inject
    ConversationService conversations;
    @Inject
    DealReminders reminders;
    @Inject
    EventIngestion events;
    @Inject
    OfferBook offers;
    @Inject
    ProductCatalog catalog;
    @Inject
    CatalogFacts catalogFacts;

    ShopperEvent event(String shopper, EventType type, Map<String, String> properties) {
        return new ShopperEvent(UUID.randomUUID().toString(), shopper, type, Instant.now().minusSeconds(30), properties);
    }

    DealReminder reminderFor(List<DealReminder> queued, String shopperId) {
        return queued.stream().filter(r -> r.shopperId().equals(shopperId)).findFirst().orElseThrow();
    }

    DealReminder stored(String status, long id) {
        return reminders.withStatus(status, 1000).stream().filter(r -> r.id() == id).findFirst().orElseThrow(
                () -> new AssertionError("reminder " + id + " is not " + status));
    }

    @Test
    void aReminderIsSentInTheShoppersConversationOrMarkedFailedWithTheReason() {
        Product lamp = catalog.all().stream().filter(p -> p.category().equals("lamps") && p.inStock()).findFirst()
                .orElseThrow();
        offers.saveAll(List.of(OfferDefinitions.fromMap(Map.of("id", "lamp-tonight", "title", "25% off lamps tonight",
                "discount", Map.of("type", "percent", "value", 25), "scope", Map.of("skus", List.of(lamp.sku())),
                "validTo", Instant.now().plus(Duration.ofHours(8)).toString()))));
        catalogFacts.refresh();
        ConversationStart web = conversations.start(new OpenConversation(Channel.WEBCHAT, "visitor-" + UUID.randomUUID(),
                null, null, null, "Dana"));
        String reachable = web.shopper().id();
        String byPhone = conversations.start(new OpenConversation(Channel.WEBCHAT, "visitor-" + UUID.randomUUID(),
                null, null, null, null)).shopper().id();
        String stranger = "site-customer-" + UUID.randomUUID();
        events.ingest(List.of(
                event(reachable, EventType.PREFERENCES, Map.of("reminders", "true", "channel", "webchat")),
                event(reachable, EventType.VIEW, Map.of("sku", lamp.sku())),
                event(byPhone, EventType.PREFERENCES, Map.of("reminders", "true", "channel", "phone")),
                event(byPhone, EventType.VIEW, Map.of("sku", lamp.sku())),
                event(stranger, EventType.PREFERENCES, Map.of("reminders", "true", "channel", "webchat")),
                event(stranger, EventType.VIEW, Map.of("sku", lamp.sku()))));

        List<DealReminder> queued = reminders.queueDueReminders(Instant.now());

        DealReminder sent = stored("sent", reminderFor(queued, reachable).id());
        List<ConversationMessage> messages = conversations.messages(web.conversation().id(), 0, 10).messages();
        ConversationMessage reminder = messages.get(messages.size() - 1);
        assertEquals(Author.BOT, reminder.author());
        assertTrue(reminder.text().contains(lamp.name()) && reminder.text().contains("25% off lamps tonight"),
                reminder.text());
        OfferCard card = reminder.offers().get(0);
        assertEquals("lamp-tonight", card.offerId());
        assertEquals(lamp.sku(), card.productSku());
        assertEquals(sent.dealEndsAt(), card.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        stored("failed", reminderFor(queued, byPhone).id());
        stored("failed", reminderFor(queued, stranger).id());
    }
}
