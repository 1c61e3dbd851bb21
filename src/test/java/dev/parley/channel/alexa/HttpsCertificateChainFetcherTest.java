package dev.parley.channel.alexa;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production chain download against a local HTTP server (the URL rules, checked before any download, are what
 * insists on https://s3.amazonaws.com; the fetcher itself only downloads): the body of a 200, and a failure for
 * anything else, a redirect or an oversized answer.
 */
class HttpsCertificateChainFetcherTest {

    private HttpServer server;
    private final HttpsCertificateChainFetcher fetcher = new HttpsCertificateChainFetcher(
            VerificationSwitchTest.settings(true));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo.api/chain.pem", exchange -> answer(exchange, 200, TestCertificates.get().published
                .get(TestCertificates.GOOD_URL)));
        server.createContext("/echo.api/missing.pem", exchange -> answer(exchange, 404, new byte[0]));
        server.createContext("/echo.api/huge.pem", exchange -> answer(exchange, 200, new byte[70 * 1024]));
        server.createContext("/echo.api/moved.pem", exchange -> {
            exchange.getResponseHeaders().add("Location", "/echo.api/chain.pem");
            answer(exchange, 302, new byte[0]);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void downloadsTheChain() throws IOException {
        assertArrayEquals(TestCertificates.get().published.get(TestCertificates.GOOD_URL), fetcher.fetch(url("chain")));
    }

    @Test
    void anythingButAPlainOkIsAFailure() {
        assertTrue(assertThrows(IOException.class, () -> fetcher.fetch(url("missing"))).getMessage()
                .contains("answered 404"));
        assertTrue(assertThrows(IOException.class, () -> fetcher.fetch(url("huge"))).getMessage()
                .contains("larger than"));
        assertTrue(assertThrows(IOException.class, () -> fetcher.fetch(url("moved"))).getMessage()
                .contains("answered 302"));
    }

    private URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/echo.api/" + name + ".pem");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
            throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
