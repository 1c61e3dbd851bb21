package dev.parley.dialogue.actions;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.catalog.ProductQuery;
import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.dialogue.ConversationFacts;
import dev.parley.message.Channel;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.RefundStatus;
import dev.parley.stores.StoreDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dialogue actions over the seeded demo orders, stores and catalogue in MariaDB. */
@MicronautTest(transactional = false)
class DialogueActionsTest {

    @Inject
    OrderStatusAction orderStatus;
    @Inject
    TrackParcelAction trackParcel;
    @Inject
    CancelOrderAction cancelOrder;
    @Inject
    ChangeAddressAction changeAddress;
    @Inject
    RefundStatusAction refundStatus;
    @Inject
    ProductSearchAction productSearch;
    @Inject
    StockAvailabilityAction stockAvailability;
    @Inject
    StoreLocationsAction storeLocations;
    @Inject
    StoreDirectory stores;
    @Inject
    OrderBook orders;
    @Inject
    ProductCatalog catalog;

    static ActionContext context(Map<String, String> slots) {
        return context(slots, null);
    }

    static ActionContext context(Map<String, String> slots, String customerId) {
        return new ActionContext(slots, new ConversationFacts("c-1", "s-1", Channel.WEBCHAT, "en", null, customerId),
                null);
    }

    @Test
    void orderStatusReadsTheSeededOrder() {
        ActionResult result = orderStatus.run(context(Map.of("order_number", "pa 123456")));
        assertNull(result.responseName());
        Map<String, String> fields = result.fields();
        assertEquals("PA-123456", fields.get("order.number"));
        assertEquals("shipped", fields.get("order.status"));
        assertEquals("DHL", fields.get("order.carrier"));
        assertEquals("76.99 EUR", fields.get("order.total"));
        String eta = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH)
                .format(LocalDate.now(ZoneOffset.UTC).plusDays(2));
        assertEquals(eta, fields.get("order.eta"));
        assertTrue(fields.keySet().stream().noneMatch(key -> key.contains("address")), "no address for lookups");
        assertEquals("out for delivery", orderStatus.run(context(Map.of("order_number", "PA-456789")))
                .fields().get("order.status"));
    }

    @Test
    void anUnknownOrderIsAskedForAgain() {
        ActionResult result = orderStatus.run(context(Map.of("order_number", "PA-999999")));
        assertEquals("order_not_found", result.responseName());
        assertEquals("order_number", result.retrySlot());
    }

    @Test
    void trackingNeedsAShippedParcel() {
        ActionResult shipped = trackParcel.run(context(Map.of("order_number", "PA-482913")));
        assertNull(shipped.responseName());
        assertEquals("PostNL", shipped.fields().get("order.carrier"));
        assertEquals("https://tracking.example.com/postnl/3SPARL4829130", shipped.fields().get("order.tracking_url"));
        ActionResult processing = trackParcel.run(context(Map.of("order_number", "PA-234567")));
        assertEquals("parcel_not_shipped", processing.responseName());
        assertEquals("processing", processing.fields().get("order.status"));
    }

    @Test
    void cancellingAGuestOrderCancelsItAndRequestsTheRefund() {
        assertTrue(cancelOrder.needsConfirmation());
        assertTrue(cancelOrder.refuse(context(Map.of("order_number", "PA-567890"))).isEmpty());
        ActionResult result = cancelOrder.run(context(Map.of("order_number", "PA-567890")));
        assertNull(result.responseName());
        assertEquals("59.90 EUR", result.fields().get("order.refund_amount"));
        Order stored = orders.find("PA-567890").orElseThrow();
        assertEquals(OrderStatus.CANCELLED, stored.status());
        assertEquals(RefundStatus.REQUESTED, stored.refundStatus());
        // once cancelled it cannot be cancelled again
        assertEquals("order_not_cancellable", cancelOrder.refuse(context(Map.of("order_number", "PA-567890")))
                .orElseThrow().responseName());
    }

    @Test
    void aCustomersOrderCanOnlyBeChangedByThatCustomer() {
        ActionResult stranger = cancelOrder.refuse(context(Map.of("order_number", "PA-444444"))).orElseThrow();
        assertEquals("order_not_yours", stranger.responseName());
        assertEquals(OrderStatus.PLACED, orders.find("PA-444444").orElseThrow().status());
        assertTrue(cancelOrder.refuse(context(Map.of("order_number", "PA-444444"), "cust-1001")).isEmpty());
        ActionResult delivered = cancelOrder.refuse(context(Map.of("order_number", "PA-345678"), "cust-1002"))
                .orElseThrow();
        assertEquals("order_not_cancellable", delivered.responseName());
        assertEquals("delivered", delivered.fields().get("order.status"));
    }

    @Test
    void theAddressOfAnOrderThatHasNotShippedCanChange() {
        ActionResult result = changeAddress.run(context(Map.of("order_number", "PA-111111", "address",
                "Avenue Louise 54, 1050 Brussels")));
        assertNull(result.responseName());
        assertEquals("Avenue Louise 54, 1050 Brussels", orders.find("PA-111111").orElseThrow().shippingAddress());
        assertEquals("address_not_changeable", changeAddress.run(context(Map.of("order_number", "PA-333333",
                "address", "Elsewhere 1"))).responseName());
        assertEquals(List.of("order_number", "address"), changeAddress.requiredInputs());
    }

    @Test
    void refundStatusReportsTheRefundOrItsAbsence() {
        ActionResult refund = refundStatus.run(context(Map.of("order_number", "PA-678901")));
        assertEquals("processing", refund.fields().get("order.refund_status"));
        assertEquals("199.00 EUR", refund.fields().get("order.refund_amount"));
        assertEquals("no_refund", refundStatus.run(context(Map.of("order_number", "PA-123456"))).responseName());
    }

    @Test
    void productSearchFiltersTheCatalogue() {
        ActionResult result = productSearch.run(context(Map.of("category", "sneakers", "size", "42")));
        List<Product> expected = catalog.search(new ProductQuery("sneakers", null, null, null, "42", null, true, 0));
        assertTrue(expected.size() > 1);
        assertEquals(Integer.toString(expected.size()), result.fields().get("search.count"));
        assertEquals(expected.get(0).name(), result.fields().get("product.name"));
        assertEquals("sneakers in size 42", result.fields().get("search.description"));
        assertTrue(result.fields().get("products").startsWith(expected.get(0).name() + " ("));
        ActionResult none = productSearch.run(context(Map.of("category", "sneakers", "color", "gold")));
        assertEquals("no_products_found", none.responseName());
        assertEquals("gold sneakers", none.fields().get("search.description"));
    }

    @Test
    void stockAvailabilitySaysWhatIsInStock() {
        ActionResult result = stockAvailability.run(context(Map.of("category", "sneakers", "color", "navy")));
        List<Product> inStock = catalog.search(new ProductQuery("sneakers", null, "navy", null, null, null, true, 0));
        assertNull(result.responseName());
        assertEquals(Integer.toString(inStock.size()), result.fields().get("stock.count"));
        assertEquals(Integer.toString(inStock.get(0).stock()), result.fields().get("product.stock"));
        catalog.search(new ProductQuery("sneakers", null, "white", null, null, null, false, 0))
                .forEach(product -> catalog.updateStock(product.sku(), 0));
        assertEquals("out_of_stock", stockAvailability.run(context(Map.of("category", "sneakers", "color",
                "white"))).responseName());
    }

    @Test
    void storeLocationsByCityWithAccentsFolded() {
        ActionResult paris = storeLocations.run(context(Map.of("city", "paris")));
        assertEquals("2", paris.fields().get("stores.count"));
        assertEquals("Parley Paris Bercy", paris.fields().get("store.name"));
        assertEquals(1, stores.inCity("Zurich").size());
        assertEquals("Parley Zürich", stores.inCity("zürich").get(0).name());
        ActionResult all = storeLocations.run(context(Map.of()));
        assertTrue(all.fields().get("stores.cities").startsWith("Amsterdam, Barcelona, Berlin"));
        assertEquals("no_store_in_city", storeLocations.run(context(Map.of("city", "Oslo"))).responseName());
    }

    @Test
    void storeHoursUseTheStoresTimeZone() {
        // Sunday 2026-11-22 10:30 UTC: 11:30 in Madrid (opens at 12:00 on Sundays), 10:30 in Lisbon (10:00-19:00)
        Clock sunday = Clock.fixed(Instant.parse("2026-11-22T10:30:00Z"), ZoneOffset.UTC);
        StoreHoursAction hours = new StoreHoursAction(stores, sunday);
        ActionResult madrid = hours.run(context(Map.of("city", "Madrid")));
        assertEquals("12:00-20:00", madrid.fields().get("store.hours_today"));
        assertEquals("closed", madrid.fields().get("store.open_now"));
        ActionResult lisbon = hours.run(context(Map.of("city", "Lisbon")));
        assertEquals("10:00-19:00", lisbon.fields().get("store.hours_today"));
        assertEquals("open", lisbon.fields().get("store.open_now"));
        assertTrue(lisbon.fields().get("store.hours_week").startsWith("Mon 10:00-20:00, Tue"));
        assertEquals(List.of("city"), hours.requiredInputs());
        assertTrue(StoreFields.isOpen("09:00-20:00", java.time.LocalTime.of(9, 0)));
        assertTrue(!StoreFields.isOpen("closed", java.time.LocalTime.NOON));
    }
}
