package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for BENCHMARKS.md (scripts/bench-webchat.sh runs it against a started server): web chat messages
 * at a fixed concurrency with p50/p99 latency, and in the same run GET /api/ping, the trivial ceiling.
 * <p>
 * Sessions are created up front (not timed), each used for at most 25 messages so the per-session rate limit (30 a
 * minute) is never the bottleneck. Every message has a unique clientMessageId; every 10th is sent a second time
 * right after its answer, as a client retry would, so the rows counted afterwards show each message stored once.
 * <pre>
 * java -cp ... dev.parley.bench.WebchatLoad --url http://127.0.0.1:8089 --concurrency 16 --messages 2000
 *      [--warmup 200] [--mode nlu|shortcut]
 * </pre>
 * {@code nlu}: shoppers' sentences, each through the NLU pipeline; {@code shortcut}: quick-reply payloads
 * ({@code /intent}), which skip the NLU: the web chat, storage and dialogue cost alone.
 */
public final class WebchatLoad {

    private static final int MESSAGES_PER_SESSION = 25;
    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");

    /** A shopper's message: its text, and the quick-reply payload when it is a button press. */
    private record Line(String text, String payload) {
    }

    private static final List<Line> SENTENCES = List.of(
            new Line("where is my order PA-123456", null), new Line("show me red sneakers", null),
            new Line("and in black?", null), new Line("thanks", null), new Line("hi", null),
            new Line("what are your opening hours in Paris", null), new Line("do you have sneakers in stock", null),
            new Line("track my parcel PA-482913", null), new Line("how much is it", null),
            new Line("I need my invoice for PA-345678", null), new Line("where are your stores in Berlin", null),
            new Line("can I get a refund for PA-678901", null));
    private static final List<Line> BUTTONS = List.of(
            new Line("Track my parcel", "/track_parcel{\"order_number\":\"PA-123456\"}"),
            new Line("Order status", "/order_status{\"order_number\":\"PA-345678\"}"),
            new Line("Find sneakers", "/product_search{\"category\":\"sneakers\"}"),
            new Line("Thanks", "/thanks"), new Line("Hi", "/greet"),
            new Line("Opening hours", "/opening_hours{\"city\":\"Paris\"}"));

    private record Result(long nanos, boolean ok) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    private WebchatLoad(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://127.0.0.1:8089");
        int concurrency = Integer.parseInt(option(args, "--concurrency", "16"));
        int messages = Integer.parseInt(option(args, "--messages", "2000"));
        int warmup = Integer.parseInt(option(args, "--warmup", "200"));
        String mode = option(args, "--mode", "nlu");
        List<Line> lines = mode.equals("shortcut") ? BUTTONS : SENTENCES;
        WebchatLoad load = new WebchatLoad(url);

        System.err.printf("warm-up: %d messages, then GET /api/ping and %d messages (%s) at concurrency %d%n",
                warmup, messages, mode, concurrency);
        Stats warm = load.chat(concurrency, warmup, lines, mode + "-warm");
        Stats ping = load.run(concurrency, messages, i -> load.get("/api/ping"));
        Stats chat = load.chat(concurrency, messages, lines, mode + "-run");

        System.out.println(ping.line("GET /api/ping"));
        System.out.println(chat.line("POST messages (" + mode + ")"));
        System.out.printf(Locale.ROOT, "ratio messages/ping throughput: %.3f%n", chat.perSecond() / ping.perSecond());
        System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"concurrency\":%d,\"messages\":%d,\"retries\":%d,"
                        + "\"warmup_messages\":%d,\"warmup_retries\":%d,\"msg_per_s\":%.1f,\"msg_p50_ms\":%.1f,"
                        + "\"msg_p99_ms\":%.1f,\"msg_errors\":%d,\"ping_per_s\":%.1f,\"ping_p50_ms\":%.2f,"
                        + "\"ping_p99_ms\":%.2f,\"ping_errors\":%d,\"ratio\":%.4f}%n",
                mode, concurrency, messages, chat.retries, warmup, warm.retries, chat.perSecond(),
                chat.percentile(50), chat.percentile(99), chat.errors(), ping.perSecond(), ping.percentile(50),
                ping.percentile(99), ping.errors(), chat.perSecond() / ping.perSecond());
    }

    /** Sends {@code count} messages (plus retries of every 10th) over sessions created beforehand. */
    private Stats chat(int concurrency, int count, List<Line> lines, String prefix) throws Exception {
        int sessionsNeeded = (count + MESSAGES_PER_SESSION - 1) / MESSAGES_PER_SESSION + concurrency;
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < sessionsNeeded; i++) {
            HttpResponse<String> started = post("/api/webchat/sessions", "{\"visitorId\":\"bench-" + prefix + "-"
                    + i + "\"}");
            Matcher id = SESSION_ID.matcher(started.body());
            if (started.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("could not start a session: " + started.statusCode());
            }
            sessions.add(id.group(1));
        }
        AtomicInteger retries = new AtomicInteger();
        Stats stats = run(concurrency, count, i -> {
            String session = sessions.get(i / MESSAGES_PER_SESSION % sessions.size());
            Line line = lines.get(i % lines.size());
            String body = "{\"text\":\"" + line.text().replace("\"", "\\\"") + "\",\"clientMessageId\":\"" + prefix
                    + "-" + i + "\"" + (line.payload() == null ? ""
                    : ",\"payload\":\"" + line.payload().replace("\"", "\\\"") + "\"") + "}";
            Result first = post("/api/webchat/sessions/" + session + "/messages", body, 200);
            if (i % 10 == 9) {
                retries.incrementAndGet();
                Result again = post("/api/webchat/sessions/" + session + "/messages", body, 200);
                return new Result(first.nanos(), first.ok() && again.ok());
            }
            return first;
        });
        stats.retries = retries.get();
        return stats;
    }

    private interface Call {
        Result call(int index) throws Exception;
    }

    private Stats run(int concurrency, int count, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        results.add(call.call(i));
                    } catch (Exception e) {
                        results.add(new Result(0, false));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Stats(new ArrayList<>(results), elapsed);
    }

    private Result get(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Result(System.nanoTime() - start, response.statusCode() == 200);
    }

    private Result post(String path, String body, int expected) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = post(path, body);
        return new Result(System.nanoTime() - start, response.statusCode() == expected);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class Stats {
        private final long[] sortedNanos;
        private final long errors;
        private final long elapsedNanos;
        private int retries;

        Stats(List<Result> results, long elapsedNanos) {
            this.sortedNanos = results.stream().filter(Result::ok).mapToLong(Result::nanos).sorted().toArray();
            this.errors = results.stream().filter(r -> !r.ok()).count();
            this.elapsedNanos = elapsedNanos;
        }

        double perSecond() {
            return (sortedNanos.length + errors) / (elapsedNanos / 1e9);
        }

        double percentile(int p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        long errors() {
            return errors;
        }

        String line(String what) {
            return String.format(Locale.ROOT,
                    "%-32s %8.1f req/s  p50 %8.2f ms  p99 %8.2f ms  errors %d  (n=%d, %.1f s)", what, perSecond(), percentile(50), percentile(99), errors, sortedNanos.length + errors,
                    elapsedNanos / 1e9);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        int at = Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
    }
}
