package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST {base}/{version}/{phone_number_id}/messages} with the number's token, and what came of it. Rate
 * limits (429 or their error codes) and server errors are worth retrying; a refused connection too (nothing was
 * sent). A call that got no answer in time may have been carried out, so it is reported as unknown, never retried:
 * a retry could deliver the reply twice.
 */
@Singleton
class GraphApi {

    /** Error codes that mean "not now": throughput and pair rate limits, temporary service errors. */
    private static final Set<String> RETRYABLE_CODES = Set.of("4", "80007", "130429", "131000", "131016", "131056",
            "133004");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one call. */
    sealed interface Outcome {
    }

    /** WhatsApp accepted the message and named it. */
    record Accepted(String wamid) implements Outcome {
    }

    /** Not sent this time, worth another try (after {@code retryAfter} when the answer said so). */
    record Retry(String code, String title, @Nullable Duration retryAfter) implements Outcome {
    }

    /** Refused for good (a bad recipient, a closed window, a template that does not exist ...). */
    record Rejected(String code, String title) implements Outcome {
    }

    /** No answer in time: it may or may not have been sent. */
    record Unknown(String title) implements Outcome {
    }

    private final WhatsAppSettings settings;
    private final HttpClient client;

    GraphApi(WhatsAppSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.graphTimeout()).build();
    }

    Outcome send(WhatsAppNumber number, Map<String, Object> message) {
        String base = settings.graphBaseUrl().replaceAll("/+$", "");
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + "/" + settings.graphVersion() + "/"
                            + number.phoneNumberId() + "/messages"))
                    .timeout(settings.graphTimeout())
                    .header("Authorization", "Bearer " + number.accessToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(message)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("message does not serialise", e);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Retry("connect", "cannot reach the Graph API", null);
        } catch (HttpTimeoutException e) {
            return new Unknown("no answer within " + settings.graphTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Unknown("connection lost: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unknown("interrupted");
        }
        return outcome(response);
    }

    private static Outcome outcome(HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2) {
            JsonNode id = body.path("messages").path(0).path("id");
            return id.isTextual() ? new Accepted(id.asText())
                    : new Unknown("HTTP " + status + " without a message id");
        }
        JsonNode error = body.path("error");
        String code = error.path("code").isValueNode() ? error.path("code").asText() : "http_" + status;
        String title = error.path("message").isTextual() ? error.path("message").asText() : "HTTP " + status;
        if (status == 429 || status >= 500 || RETRYABLE_CODES.contains(code)) {
            return new Retry(code, title, retryAfter(response));
        }
        return new Rejected(code, title);
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(value -> Duration.ofSeconds(Long.parseLong(value.trim()))).orElse(null);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the back-off applies
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
