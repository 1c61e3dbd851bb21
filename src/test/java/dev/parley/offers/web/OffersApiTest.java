package dev.parley.offers.web;

import dev.parley.offers.events.EventIngestion;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API: status codes, error bodies, and that what it acknowledges is stored. */
@MicronautTest(transactional = false)
class OffersApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TransactionOperations<Connection> transactions;

    private <T> T post(String uri, Object body, Class<T> type) {
        return http.toBlocking().retrieve(HttpRequest.POST(uri, body), type);
    }

    private Map<?, ?> error(HttpStatus expected, HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, Map.class));
        assertEquals(expected, e.getStatus(), () -> String.valueOf(e.getResponse().getBody(String.class).orElse("")));
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertTrue(body.containsKey("error") && body.containsKey("message"), body.toString());
        return body;
    }

    private long storedEvents(String shopperId) throws Exception {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection()
                    .prepareStatement("SELECT COUNT(*) FROM shopper_events WHERE shopper_id = ?")) {
                statement.setString(1, shopperId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Test
    void malformedEventsAreListedAndTheGoodRowsKept() throws Exception {
        String now = Instant.now().toString();
        List<Object> batch = List.of(
                Map.of("eventId", "api-1", "shopperId", "api-shopper", "type", "view", "timestamp", now,
                        "properties", Map.of("sku", "SKU-0001")),
                Map.of("eventId", "api-2", "type", "view", "timestamp", now, "properties", Map.of("sku", "SKU-0001")),
                Map.of("eventId", "api-3", "shopperId", "api-shopper", "type", "teleport", "timestamp", now),
                Map.of("eventId", "api-4", "shopperId", "api-shopper", "type", "purchase", "timestamp", now,
                        "properties", Map.of("sku", "SKU-0001", "amount", "lots")),
                Map.of("event_id", "api-5", "shopper_id", "api-shopper", "type", "add_to_cart", "timestamp",
                        Instant.now().toEpochMilli(), "properties", Map.of("sku", "SKU-0002", "quantity", 2)));
        Map<?, ?> body = error(HttpStatus.UNPROCESSABLE_ENTITY, HttpRequest.POST("/api/events", batch));
        assertEquals("invalid_events", body.get("error"));
        List<?> details = (List<?>) body.get("details");
        assertEquals(3, details.size(), details.toString());
        assertEquals("row 1: missing shopperId", details.get(0));
        assertTrue(details.get(1).toString().startsWith("row 2: unknown type 'teleport'"));
        assertTrue(details.get(2).toString().startsWith("row 3: properties.amount is not a number"));
        assertTrue(body.get("message").toString().contains("2 stored"), body.get("message").toString());
        assertEquals(2, storedEvents("api-shopper"), "the good rows were stored");

        // resending the corrected batch stores the fixed rows once and the rest not again
        Map<?, ?> retry = post("/api/events", List.of(
                Map.of("eventId", "api-1", "shopperId", "api-shopper", "type", "view", "timestamp", now,
                        "properties", Map.of("sku", "SKU-0001")),
                Map.of("eventId", "api-4", "shopperId", "api-shopper", "type", "purchase", "timestamp", now,
                        "properties", Map.of("sku", "SKU-0001", "amount", "76.99"))), Map.class);
        assertEquals(1, retry.get("stored"));
        assertEquals(1, retry.get("duplicates"));
        assertEquals(List.of(), retry.get("rejected"));
        assertEquals(3, storedEvents("api-shopper"));

        Map<?, ?> profile = http.toBlocking().retrieve("/api/profiles/api-shopper", Map.class);
        assertEquals("occasional", profile.get("segment"));
        assertEquals(List.of("SKU-0002"), profile.get("cart"));
        assertEquals(1, ((Map<?, ?>) profile.get("rfm")).get("frequency"));
    }

    @Test
    void badBatchesAreRefusedWhole() {
        assertEquals("invalid_json", error(HttpStatus.BAD_REQUEST,
                HttpRequest.POST("/api/events", "[{").contentType(MediaType.APPLICATION_JSON)).get("error"));
        assertEquals("invalid_batch", error(HttpStatus.BAD_REQUEST,
                HttpRequest.POST("/api/events", Map.of("eventId", "x"))).get("error"));
        List<Map<String, Object>> tooMany = java.util.Collections.nCopies(EventIngestion.MAX_BATCH + 1, Map.of());
        assertEquals("batch_too_large", error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/events", tooMany)).get("error"));
    }

    @Test
    void decidingForAnUnknownShopperAnswersWithPopularOffers() {
        Map<?, ?> decision = post("/api/offers/decide", Map.of("shopperId", "never-seen", "channel", "whatsapp",
                "slots", 2, "entities", Map.of("category", "sneakers")), Map.class);
        assertEquals("popularity", decision.get("strategy"));
        List<?> offers = (List<?>) decision.get("offers");
        assertEquals(2, offers.size());
        Map<?, ?> first = (Map<?, ?>) offers.get(0);
        assertTrue(first.get("decisionId") instanceof String);
        assertTrue(((Number) first.get("propensity")).doubleValue() > 0);

        Map<?, ?> receipt = post("/api/offers/decisions/" + first.get("decisionId") + "/reward",
                Map.of("outcome", "accepted"), Map.class);
        assertEquals(true, receipt.get("learned"));
        assertEquals("decision_not_found", error(HttpStatus.NOT_FOUND,
                HttpRequest.POST("/api/offers/decisions/nope/reward", Map.of("outcome", "accepted"))).get("error"));
        assertEquals("invalid_outcome", error(HttpStatus.BAD_REQUEST,
                HttpRequest.POST("/api/offers/decisions/nope/reward", Map.of("outcome", "loved"))).get("error"));
        assertEquals("invalid_channel", error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/offers/decide",
                Map.of("shopperId", "x", "channel", "fax"))).get("error"));
        assertEquals("invalid_request", error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/offers/decide",
                Map.of("channel", "webchat"))).get("error"));
        assertEquals("invalid_request", error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/offers/decide",
                Map.of("shopperId", "x", "channel", "webchat", "time", "yesterday"))).get("error"));
        assertEquals("profile_not_found", error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/profiles/never-seen")).get("error"));
    }

    @Test
    void recoveryAndLifeEventsOverHttp() {
        Map<?, ?> recovery = post("/api/offers/recovery", Map.of("shopperId", "upset-1", "channel", "phone",
                "reason", "payment_problem"), Map.class);
        assertEquals("recovery", recovery.get("strategy"));
        assertEquals("invalid_reason", error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/offers/recovery",
                Map.of("shopperId", "upset-1", "channel", "phone", "reason", "bored"))).get("error"));
        Map<?, ?> lifeEvent = post("/api/profiles/student-1/life-events", Map.of("lifeEvent", "student"), Map.class);
        assertEquals("student", lifeEvent.get("lifeEvent"));
        assertEquals("invalid_request", error(HttpStatus.BAD_REQUEST,
                HttpRequest.POST("/api/profiles/student-1/life-events", Map.of("lifeEvent", "pension"))).get("error"));
    }

    @Test
    void offersCrudAndYamlImport() {
        Map<String, Object> offer = Map.of("id", "api-offer", "title", "API offer",
                "discount", Map.of("type", "percent", "value", 12), "scope", Map.of("categories", List.of("lamps")));
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/offers", offer), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("offer_exists", error(HttpStatus.CONFLICT, HttpRequest.POST("/api/offers", offer)).get("error"));
        Map<?, ?> fetched = http.toBlocking().retrieve("/api/offers/api-offer", Map.class);
        assertEquals("API offer", ((Map<?, ?>) fetched.get("offer")).get("title"));

        Map<String, Object> changed = new java.util.HashMap<>(offer);
        changed.put("title", "Changed");
        http.toBlocking().exchange(HttpRequest.PUT("/api/offers/api-offer", changed), Map.class);
        assertEquals("Changed", ((Map<?, ?>) http.toBlocking().retrieve("/api/offers/api-offer", Map.class).get("offer")).get("title"));
        assertEquals("id_mismatch", error(HttpStatus.BAD_REQUEST, HttpRequest.PUT("/api/offers/other", changed)).get("error"));
        assertEquals("invalid_offer", error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/offers",
                Map.of("id", "bad", "title", "Bad", "discount", Map.of("type", "percent")))).get("error"));

        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(HttpRequest.DELETE("/api/offers/api-offer")).getStatus());
        assertEquals("offer_not_found", error(HttpStatus.NOT_FOUND, HttpRequest.DELETE("/api/offers/api-offer")).get("error"));

        Map<?, ?> imported = http.toBlocking().retrieve(HttpRequest.POST("/api/offers/import", """
                - id: yaml-1
                  title: From YAML
                  discount: {type: free_shipping}
                """).contentType("application/x-yaml"), Map.class);
        assertEquals(1, imported.get("imported"));
        Map<?, ?> invalid = error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/offers/import", """
                - id: yaml-2
                  title: Broken
                """).contentType("application/x-yaml"));
        assertEquals("invalid_offers", invalid.get("error"));
        assertEquals(List.of("offers[0] (yaml-2): discount is required"), invalid.get("details"));
    }

    @Test
    void pricingEndpoints() {
        Map<?, ?> price = http.toBlocking().retrieve("/api/pricing/products/SKU-0001", Map.class);
        assertEquals(1.0, ((Number) price.get("multiplier")).doubleValue());
        assertEquals(List.of(), http.toBlocking().retrieve(HttpRequest.GET("/api/pricing/changes?key=nothing"),
                Argument.listOf(Map.class)));
        http.toBlocking().retrieve(HttpRequest.GET("/api/pricing/multipliers"), Argument.listOf(Map.class));
        assertEquals("product_not_found", error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/pricing/products/NOPE")).get("error"));
        assertEquals("invalid_status", error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/reminders?status=lost")).get("error"));
    }
}
