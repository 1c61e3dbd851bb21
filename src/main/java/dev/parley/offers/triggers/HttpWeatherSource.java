package dev.parley.offers.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weather from an HTTP provider: GET the configured URL with {location} filled in, JSON answer with
 * {@code condition} (or {@code weather}) and optionally {@code temperature_c}. Answers are cached per location;
 * any failure (timeout, non-200, unreadable body) means "unknown" and is cached briefly too, so a provider
 * outage costs one timeout per location per minute, not one per decision.
 */
public final class HttpWeatherSource implements WeatherSource {

    private static final Logger LOG = LoggerFactory.getLogger(HttpWeatherSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FAILURE_TTL_MILLIS = 60_000;

    private record Cached(Optional<WeatherReport> report, long until) {
    }

    private final String urlTemplate;
    private final Duration timeout;
    private final long ttlMillis;
    private final HttpClient client;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public HttpWeatherSource(String urlTemplate, Duration timeout, Duration cacheFor) {
        if (urlTemplate == null || !urlTemplate.contains("{location}")) {
            throw new IllegalArgumentException("parley.offers.weather.url must contain {location}");
        }
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        this.ttlMillis = cacheFor.toMillis();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<WeatherReport> current(String location) {
        String key = location.trim().toLowerCase();
        long now = System.currentTimeMillis();
        Cached cached = cache.get(key);
        if (cached != null && cached.until() > now) {
            return cached.report();
        }
        Optional<WeatherReport> report = fetch(location.trim());
        cache.put(key, new Cached(report, now + (report.isPresent() ? ttlMillis : FAILURE_TTL_MILLIS)));
        return report;
    }

    private Optional<WeatherReport> fetch(String location) {
        URI uri = URI.create(urlTemplate.replace("{location}", URLEncoder.encode(location, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("Weather provider answered HTTP {}", response.statusCode());
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(response.body());
            JsonNode condition = body.hasNonNull("condition") ? body.get("condition") : body.get("weather");
            if (condition == null || !condition.isTextual()) {
                LOG.warn("Weather provider answer has no condition");
                return Optional.empty();
            }
            JsonNode temperature = body.get("temperature_c");
            return Optional.of(new WeatherReport(location, condition.asText(),
                    temperature != null && temperature.isNumber() ? temperature.asDouble() : null));
        } catch (IOException e) {
            LOG.warn("Weather provider failed: {}", e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
