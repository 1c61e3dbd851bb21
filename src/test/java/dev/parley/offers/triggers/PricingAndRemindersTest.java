package dev.parley.offers.triggers;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.offers.events.EventIngestion;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.offer.OfferDefinitions;
import dev.parley.offers.pricing.DemandPricing;
import dev.parley.offers.pricing.PriceChange;
import dev.parley.offers.profile.CatalogFacts;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "parley.offers.pricing.update-interval", value = "1h")
@Property(name = "parley.offers.reminders.interval", value = "1h")
class PricingAndRemindersTest {

    @Inject
    DemandPricing pricing;
    @Inject
    ProductCatalog catalog;
    @Inject
    CatalogFacts catalogFacts;
    @Inject
    EventIngestion events;
    @Inject
    OfferBook offers;
    @Inject
    DealReminders reminders;
    @Inject
    ReminderProbe probe;


    private ShopperEvent event(String shopper, EventType type, Map<String, String> properties) {
        return new ShopperEvent(java.util.UUID.randomUUID().toString(), shopper, type, Instant.now().minusSeconds(30), properties);
    }

    @Test
    void demandRaisesPricesSmoothlyWithinTheCapAndEveryChangeIsAudited() {
        List<Product> sofas = catalog.all().stream().filter(p -> p.category().equals("sofas")).toList();
        sofas.forEach(p -> catalog.updateStock(p.sku(), 1));
        List<ShopperEvent> carts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            carts.add(event("buyer-" + i, EventType.ADD_TO_CART, Map.of("sku", sofas.get(i % sofas.size()).sku())));
        }
        events.ingest(carts);
        double previous = 1.0;
        for (int step = 0; step < 4; step++) {
            pricing.recompute(Instant.now());
            double current = pricing.multiplier(sofas.get(0));
            assertTrue(current > previous, "demand pushes the price up: " + current);
            assertTrue(current - previous <= pricing.settings().maxStep() + 1e-9, "smooth: " + (current - previous));
            assertTrue(current <= pricing.settings().cap());
            previous = current;
        }
        Product sofa = sofas.get(0);
        assertEquals(sofa.price().multiply(BigDecimal.valueOf(previous)).setScale(2, java.math.RoundingMode.HALF_UP),
                pricing.price(sofa));
        Product other = catalog.all().stream().filter(p -> p.category().equals("tents")).findFirst().orElseThrow();
        assertEquals(1.0, pricing.multiplier(other), "no demand signal, no change");

        List<PriceChange> audit = pricing.audit("sofas", 10);
        assertTrue(audit.size() >= 4, "every change is audited: " + audit.size());
        PriceChange latest = audit.get(0);
        assertEquals(previous, latest.newMultiplier(), 1e-9);
        assertEquals(sofas.size(), latest.stock());
        assertTrue(latest.target() <= pricing.settings().cap() && latest.demand() >= 40 * 3);
        assertTrue(pricing.multipliers().stream().anyMatch(m -> m.key().equals("sofas")));
    }

    @Test
    void remindersAreQueuedOnceForOptedInShoppersWhoViewedWithoutBuying() {
        Product lamp = catalog.all().stream().filter(p -> p.category().equals("lamps") && p.inStock()).findFirst().orElseThrow();
        Product bought = catalog.all().stream().filter(p -> p.category().equals("lamps") && p.inStock()
                && !p.sku().equals(lamp.sku())).findFirst().orElseThrow();
        Instant endsSoon = Instant.now().plus(Duration.ofHours(10));
        Offer flash = OfferDefinitions.fromMap(Map.of("id", "lamp-flash", "title", "Lamp flash sale",
                "discount", Map.of("type", "percent", "value", 25),
                "scope", Map.of("skus", List.of(lamp.sku(), bought.sku())), "validTo", endsSoon.toString()));
        Offer later = OfferDefinitions.fromMap(Map.of("id", "lamp-later", "title", "Lamp sale next week",
                "discount", Map.of("type", "percent", "value", 10), "scope", Map.of("skus", List.of(lamp.sku())),
                "validTo", Instant.now().plus(Duration.ofDays(7)).toString()));
        offers.saveAll(List.of(flash, later));
        catalogFacts.refresh();
        events.ingest(List.of(
                event("keen-1", EventType.PREFERENCES, Map.of("reminders", "true", "channel", "whatsapp")),
                event("keen-1", EventType.VIEW, Map.of("sku", lamp.sku())),
                event("keen-1", EventType.VIEW, Map.of("sku", bought.sku())),
                event("keen-1", EventType.PURCHASE, Map.of("sku", bought.sku())),
                event("quiet-1", EventType.VIEW, Map.of("sku", lamp.sku()))));

        List<DealReminder> queued = reminders.queueDueReminders(Instant.now());
        assertEquals(1, queued.size(), queued.toString());
        DealReminder reminder = queued.get(0);
        assertEquals("keen-1", reminder.shopperId());
        assertEquals("lamp-flash", reminder.offerId());
        assertEquals(lamp.sku(), reminder.sku());
        assertEquals("whatsapp", reminder.channel());
        assertEquals("queued", reminder.status());
        assertTrue(probe.announced.stream().anyMatch(r -> r.id() == reminder.id()), "the channels are told");
        assertTrue(reminders.queueDueReminders(Instant.now()).isEmpty(), "a deal is reminded once");

        assertTrue(reminders.markSent(reminder.id()));
        assertTrue(reminders.queued(100).stream().noneMatch(r -> r.id() == reminder.id()));
        assertEquals("sent", reminders.withStatus("sent", 100).stream().filter(r -> r.id() == reminder.id())
                .findFirst().orElseThrow().status());
    }
}
