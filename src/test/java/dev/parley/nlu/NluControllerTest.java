package dev.parley.nlu;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /nlu/parse over HTTP with the real pipeline trained from the shipped intents/. */
@MicronautTest(transactional = false)
class NluControllerTest {

    @Inject
    @Client("/")
    HttpClient client;

    private Map<String, Object> parse(String text) {
        return client.toBlocking().retrieve(HttpRequest.POST("/nlu/parse", Map.of("text", text)),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void ranksIntentsAndFindsEntities() {
        Map<String, Object> result = parse("Where is my order PA-123456?");
        Map<String, Object> intent = (Map<String, Object>) result.get("intent");
        assertEquals("order_status", intent.get("name"));
        assertEquals(false, result.get("outOfScope"));
        List<Map<String, Object>> ranking = (List<Map<String, Object>>) result.get("ranking");
        assertEquals(5, ranking.size());
        double previous = 1.0;
        for (Map<String, Object> score : ranking) {
            double confidence = ((Number) score.get("confidence")).doubleValue();
            assertTrue(confidence <= previous && confidence >= 0, "ranking sorted, confidences in 0..1");
            previous = confidence;
        }
        Map<String, Object> order = ((List<Map<String, Object>>) result.get("entities")).get(0);
        assertEquals("order_number", order.get("type"));
        assertEquals("PA-123456", order.get("value"));
        assertEquals(18, order.get("start"));
        assertEquals(27, order.get("end"));
        assertEquals("regex", order.get("source"));
        assertTrue(((Map<String, Object>) result.get("timingsMs")).containsKey("total"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void normalisesLookupsAndAddsCoreNlpEntities() {
        Map<String, Object> result = parse("Do you have red trainers for 80 euros? I live in Toulouse.");
        List<Map<String, Object>> entities = (List<Map<String, Object>>) result.get("entities");
        assertTrue(entities.stream().anyMatch(e -> e.get("type").equals("color") && e.get("value").equals("red")));
        assertTrue(entities.stream().anyMatch(e -> e.get("type").equals("category") && e.get("value").equals("sneakers")
                && e.get("text").equals("trainers")), entities::toString);
        assertTrue(entities.stream().anyMatch(e -> e.get("type").equals("money") && e.get("source").equals("ner")));
        assertTrue(entities.stream().anyMatch(e -> e.get("type").equals("location") && e.get("text").equals("Toulouse")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsSentiment() {
        Map<String, Object> angry = (Map<String, Object>) parse("You are useless, this is terrible.").get("sentiment");
        assertEquals("negative", angry.get("label"));
        Map<String, Object> happy = (Map<String, Object>) parse("Thank you so much, you were really great!").get("sentiment");
        assertEquals("positive", happy.get("label"));
        assertTrue(((Number) angry.get("score")).doubleValue() < ((Number) happy.get("score")).doubleValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rejectsQuestionsOutsideTheShop() {
        Map<String, Object> result = parse("can you book me a flight to Rome next week");
        assertEquals(true, result.get("outOfScope"));
        assertEquals(NluResult.OUT_OF_SCOPE, ((Map<String, Object>) result.get("intent")).get("name"));
        assertFalse(((List<Map<String, Object>>) result.get("ranking")).stream()
                .anyMatch(score -> score.get("name").equals(NluResult.OUT_OF_SCOPE)));
    }

    @Test
    void emptyText() {
        assertError(HttpRequest.POST("/nlu/parse", Map.of("text", "   ")), "empty_text");
    }

    @Test
    void missingText() {
        assertError(HttpRequest.POST("/nlu/parse", Map.of("message", "hi")), "missing_text");
    }

    @Test
    void overLongText() {
        assertError(HttpRequest.POST("/nlu/parse", Map.of("text", "a".repeat(2001))), "text_too_long");
    }

    @Test
    void malformedJson() {
        assertError(HttpRequest.POST("/nlu/parse", "{\"text\": ").contentType(MediaType.APPLICATION_JSON_TYPE), null);
    }

    private void assertError(HttpRequest<?> request, String code) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class)));
        assertEquals(HttpStatus.BAD_REQUEST, error.getStatus());
        Map<?, ?> body = error.getResponse().getBody(Map.class).orElseThrow();
        if (code != null) {
            assertEquals(code, body.get("error"));
        } else {
            assertTrue(body.get("error") instanceof String);
        }
        assertTrue(body.get("message") instanceof String && !((String) body.get("message")).isBlank());
    }
}
