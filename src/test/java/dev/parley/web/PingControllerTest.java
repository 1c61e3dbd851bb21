package dev.parley.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PingControllerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Test
    void answersOk() {
        Map<?, ?> body = client.toBlocking().retrieve("/api/ping", Map.class);
        assertEquals("ok", body.get("status"));
    }

    @Test
    void testsRunAgainstMySqlProtocolServer() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertTrue(product.equals("MySQL") || product.equals("MariaDB"), product);
        }
    }
}
