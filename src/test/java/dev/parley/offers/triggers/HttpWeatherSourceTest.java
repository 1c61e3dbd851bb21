package dev.parley.offers.triggers;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Talks to a weather provider served by the test itself on the loopback interface. */
class HttpWeatherSourceTest {

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/weather", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            requested.add(query);
            String body;
            int status = 200;
            if (query.contains("Lyon")) {
                body = "{\"condition\": \"Rain\", \"temperature_c\": 9.5}";
            } else if (query.contains("Broken")) {
                body = "not json";
            } else {
                status = 503;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/weather?q={location}";
    }

    @Test
    void readsTheConditionAndCachesIt() {
        HttpWeatherSource source = new HttpWeatherSource(url(), Duration.ofSeconds(2), Duration.ofMinutes(10));
        WeatherReport report = source.current("Lyon").orElseThrow();
        assertEquals("rain", report.condition());
        assertEquals(9.5, report.temperatureC());
        assertTrue(report.isWet());
        assertTrue(report.matches("rain"));
        source.current("lyon ");
        assertEquals(1, requested.size(), "the second ask is served from the cache");
        source.current("Saint Étienne");
        assertEquals("q=Saint+%C3%89tienne", requested.get(1), "the location is URL-encoded");
    }

    @Test
    void failuresMeanUnknownWeather() {
        HttpWeatherSource source = new HttpWeatherSource(url(), Duration.ofSeconds(2), Duration.ofMinutes(10));
        assertEquals(Optional.empty(), source.current("Nowhere"));
        assertEquals(Optional.empty(), source.current("Broken"));
        stop();
        HttpWeatherSource unreachable = new HttpWeatherSource(url(), Duration.ofMillis(300), Duration.ofMinutes(10));
        assertEquals(Optional.empty(), unreachable.current("Lyon"));
        assertThrows(IllegalArgumentException.class,
                () -> new HttpWeatherSource("http://127.0.0.1/weather", Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void fixedSourceAnswersTheSameEverywhere() {
        assertEquals("rain", new FixedWeatherSource("rain").current("Oslo").orElseThrow().condition());
    }
}
