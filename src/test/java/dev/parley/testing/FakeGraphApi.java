package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test sources: the WhatsApp Graph API's send endpoint ({@code POST /{version}/{phone_number_id}/messages}) as a
 * real HTTP server on the loopback interface. It records every call and answers like the Graph API: a new wamid,
 * or the failures a test scripted for a recipient (429, 500, an error code), one per call, in order.
 */
public final class FakeGraphApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One call as received, and what it was answered.
     *
     * @param wamid the id given to the message when it was accepted (status 200), else null
     */
    public record Call(String phoneNumberId, String authorization, JsonNode body, int status, String wamid) {

        public String to() {
            return body.path("to").asText();
        }

        public String type() {
            return body.path("type").asText();
        }
    }

    /**
     * A scripted answer: an HTTP status and a Graph error code; with {@code delayMillis}, the call is answered
     * normally (accepted) but only after that long, as an overloaded API does.
     */
    public record Failure(int status, int code, long delayMillis) {

        public Failure(int status, int code) {
            this(status, code, 0);
        }

        public static Failure slow(long delayMillis) {
            return new Failure(200, 0, delayMillis);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Failure>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** Wamids are unique across runs too (a benchmark may restart the fake against the same database). */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    public FakeGraphApi() throws IOException {
        this(0);
    }

    /** @param port the loopback port to listen on, 0 for any free one */
    public FakeGraphApi(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String to = body.path("to").asText();
            Failure failure = next(to);
            String answer;
            int status;
            String wamid = null;
            if (!"POST".equals(exchange.getRequestMethod()) || path.length != 4 || !path[3].equals("messages")) {
                status = 404;
                answer = "{\"error\":{\"message\":\"Unknown path\",\"code\":100}}";
            } else if (failure != null && failure.delayMillis() == 0) {
                status = failure.status();
                answer = "{\"error\":{\"message\":\"scripted failure\",\"type\":\"OAuthException\",\"code\":"
                        + failure.code() + ",\"fbtrace_id\":\"test\"}}";
            } else {
                status = 200;
                wamid = "wamid.out." + run + "." + ids.incrementAndGet();
                answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
                        + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}";
            }
            if (failure != null && failure.delayMillis() > 0) {
                try {
                    Thread.sleep(failure.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            calls.add(new Call(path.length > 2 ? path[2] : "", exchange.getRequestHeaders().getFirst("Authorization"),
                    body, status, wamid));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The base URL to configure as {@code parley.whatsapp.graph-base-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next calls to this recipient fail like this, one failure per call. */
    public void failNext(String recipient, Failure... failures) {
        scripted.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(failures));
    }

    public List<Call> callsTo(String recipient) {
        return calls.stream().filter(call -> call.to().equals(recipient)).toList();
    }

    public List<Call> accepted(String recipient) {
        return callsTo(recipient).stream().filter(call -> call.status() == 200).toList();
    }

    public int callCount() {
        return calls.size();
    }

    private Failure next(String recipient) {
        Deque<Failure> queue = scripted.get(recipient);
        synchronized (this) {
            return queue == null ? null : queue.pollFirst();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
