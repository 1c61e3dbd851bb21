package dev.parley.bench;

import dev.parley.testing.FakeGraphApi;
import dev.parley.testing.WhatsAppWebhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * Flood generator for BENCHMARKS.md (scripts/bench-whatsapp.sh runs it): signed WhatsApp webhook deliveries sent
 * to a started server at a steady rate (1,000 in 60 s by default), each a new wamid from one of a few hundred
 * shoppers, every 10th delivered twice as WhatsApp's retries do. It reports how many were acknowledged and the
 * acknowledgement latency; the script then counts the rows stored and answered. Two modes:
 * <pre>
 * java -cp ... dev.parley.bench.WhatsAppFlood sink --port 8098        # the fake Graph API the server sends to
 * java -cp ... dev.parley.bench.WhatsAppFlood flood --url http://127.0.0.1:8089 --number 100000000000001 \
 *      --secret-env PARLEY_WHATSAPP_DEMO_APP_SECRET [--deliveries 1000] [--seconds 60] [--concurrency 32]
 * </pre>
 */
public final class WhatsAppFlood {

    private static final List<String> SENTENCES = List.of("where is my order PA-123456", "show me red sneakers",
            "and in black?", "thanks", "hi", "what are your opening hours in Paris", "do you have sneakers in stock",
            "track my parcel PA-482913", "how much is it", "I need my invoice for PA-345678",
            "where are your stores in Berlin", "can I get a refund for PA-678901");
    private static final int SHOPPERS = 300;

    /** @param status the first attempt's HTTP status; finalStatus the last attempt's */
    private record Result(long nanos, int status, int finalStatus) {

        Result(long nanos, int status) {
            this(nanos, status, status);
        }
    }

    private WhatsAppFlood() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sink")) {
            FakeGraphApi sink = new FakeGraphApi(Integer.parseInt(option(args, "--port", "8098")));
            System.err.println("fake Graph API at " + sink.url());
            Thread.currentThread().join(); // until the script stops it
            return;
        }
        String url = option(args, "--url", "http://127.0.0.1:8089");
        String number = option(args, "--number", "100000000000001");
        String secret = System.getenv(option(args, "--secret-env", "PARLEY_WHATSAPP_DEMO_APP_SECRET"));
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the app secret's environment variable is not set");
        }
        int deliveries = Integer.parseInt(option(args, "--deliveries", "1000"));
        double seconds = Double.parseDouble(option(args, "--seconds", "60"));
        int concurrency = Integer.parseInt(option(args, "--concurrency", "32"));
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger redeliveries = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long spacing = (long) (seconds * 1e9 / deliveries);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < deliveries; i = next.getAndIncrement()) {
                    long due = start + i * spacing;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    String shopper = "4917" + String.format(Locale.ROOT, "%08d", i % SHOPPERS);
                    byte[] body = WhatsAppWebhooks.message(number, shopper, WhatsAppWebhooks.text(shopper,
                            "wamid.flood." + run + "." + i, System.currentTimeMillis() / 1000,
                            SENTENCES.get(i % SENTENCES.size()))).getBytes(StandardCharsets.UTF_8);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/whatsapp/webhook"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", WhatsAppWebhooks.signature(secret, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    results.add(deliver(client, request, retries));
                    if (i % 10 == 9) { // WhatsApp delivers at least once: the same delivery again
                        redeliveries.incrementAndGet();
                        results.add(deliver(client, request, retries));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        long[] acked = results.stream().filter(r -> r.status() == 200).mapToLong(Result::nanos).sorted().toArray();
        long refused = results.stream().filter(r -> r.status() != 200).count();
        long lost = results.stream().filter(r -> r.finalStatus() != 200).count();
        System.out.printf(Locale.ROOT, "{\"run\":\"%s\",\"deliveries\":%d,\"redeliveries\":%d,\"seconds\":%.1f,"
                        + "\"acked_first_time\":%d,\"not_acked_first_time\":%d,\"retries\":%d,"
                        + "\"never_acked\":%d,\"ack_p50_ms\":%.1f,\"ack_p99_ms\":%.1f,\"ack_max_ms\":%.1f}%n",
                run, deliveries, redeliveries.get(), elapsed, acked.length, refused, retries.get(), lost,
                percentile(acked, 50), percentile(acked, 99),
                acked.length == 0 ? Double.NaN : acked[acked.length - 1] / 1e6);
    }

    /**
     * Sends a delivery as WhatsApp does: a delivery not acknowledged with a 2xx is sent again (here after 1 s, at
     * most 5 times; WhatsApp backs off for up to a day). The time is the first attempt's.
     */
    private static Result deliver(HttpClient client, HttpRequest request, AtomicInteger retries)
            throws InterruptedException {
        Result first = send(client, request);
        Result last = first;
        for (int attempt = 1; attempt <= 5 && last.status() != 200; attempt++) {
            retries.incrementAndGet();
            Thread.sleep(1000);
            last = send(client, request);
        }
        return new Result(first.nanos(), first.status(), last.status());
    }

    private static Result send(HttpClient client, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(System.nanoTime() - start, response.statusCode());
        } catch (Exception e) {
            return new Result(System.nanoTime() - start, -1);
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String option(String[] args, String name, String fallback) {
        int at = Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
    }
}
