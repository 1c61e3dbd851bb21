package dev.parley.handoff;

import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark for BENCHMARKS.md (not a test; scripts/bench-handoff.sh runs it): "take next" as the agent API does it
 * ({@link HandoffQueue#claimNext}: agent row lock, capacity check, {@code FOR UPDATE SKIP LOCKED} pick, assignment),
 * by N concurrent agents against a real MariaDB / MySQL, each claim released right after (so capacity never stops
 * an agent). Reports claims per second and claim latency p50 / p99, beside a {@code SELECT 1} round trip measured
 * the same way in the same run (the floor).
 * <pre>
 * java -cp ... dev.parley.handoff.ClaimBenchmark --url 'jdbc:mysql://127.0.0.1:3306/parley_handoff_bench'
 *      [--agents 20] [--escalations 5000] [--warmup 500]
 * </pre>
 * The database is emptied by Flyway first (clean + migrate): give it a database of its own.
 */
public final class ClaimBenchmark {

    private ClaimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "jdbc:mysql://127.0.0.1:3306/parley_handoff_bench");
        int agents = Integer.parseInt(options.getOrDefault("agents", "20"));
        int escalations = Integer.parseInt(options.getOrDefault("escalations", "5000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url + (url.contains("?") ? "&" : "?")
                + "createDatabaseIfNotExist=true");
        properties.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        properties.put("datasources.default.username", options.getOrDefault("user", "root"));
        properties.put("datasources.default.password", options.getOrDefault("password", ""));
        properties.put("datasources.default.dialect", "MYSQL");
        properties.put("datasources.default.maximum-pool-size", agents);
        properties.put("flyway.datasources.default.clean-schema", true);
        properties.put("flyway.datasources.default.clean-disabled", false);
        properties.put("parley.handoff.auto-queue", false);
        properties.put("parley.catalog.seed-demo", false);
        properties.put("parley.offers.seed-demo", false);
        properties.put("parley.orders.seed-demo", false);
        properties.put("parley.stores.seed-demo", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            HandoffQueue queue = context.getBean(HandoffQueue.class);
            AgentRepository repository = context.getBean(AgentRepository.class);
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            System.out.println("server: " + jdbc.execute(c -> c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion()) + "; lock clause:"
                    + context.getBean(LockingRead.class).skippingLocked());
            List<String> ids = new ArrayList<>();
            Instant now = UtcColumns.now();
            for (int i = 0; i < agents; i++) {
                String id = "bench-" + i;
                repository.insert(new Agent(id, id, AgentRole.AGENT, List.of("orders", "returns", "payments",
                        "sales"), List.of("en"), 5, 0, true, null), "unused", now);
                ids.add(id);
            }
            Random random = new Random(7);
            String[] skills = {"orders", "returns", "payments", "sales"};
            for (int i = 0; i < warmup + escalations; i++) {
                queue.enqueue("conv-" + i, "shopper-" + i, Channel.WEBCHAT, skills[random.nextInt(skills.length)],
                        "en", "explicit_request", 20 + random.nextInt(40), now.minusSeconds(random.nextInt(3600)));
            }
            run("warm-up", queue, ids, warmup, false, jdbc);
            run("select 1 (floor)", queue, ids, escalations, true, jdbc);
            run("claim", queue, ids, escalations, false, jdbc);
            long left = jdbc.execute(c -> {
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM handoff_escalations WHERE status <> 'resolved'")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            System.out.println("escalations not resolved after the run: " + left);
        }
    }

    /** Runs {@code count} operations across the agents' threads; prints rate and latency percentiles. */
    private static void run(String label, HandoffQueue queue, List<String> agents, int count, boolean floor,
                            JdbcOperations jdbc) throws Exception {
        AtomicInteger remaining = new AtomicInteger(count);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger empty = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (String agent : agents) {
            workers.add(pool.submit(() -> {
                go.await();
                while (remaining.getAndDecrement() > 0) {
                    long start = System.nanoTime();
                    if (floor) {
                        jdbc.execute(c -> c.createStatement().execute("SELECT 1"));
                        latencies.add(System.nanoTime() - start);
                        continue;
                    }
                    HandoffQueue.Claim claim = queue.claimNext(agent, UtcColumns.now());
                    latencies.add(System.nanoTime() - start);
                    if (claim.escalation() == null) {
                        empty.incrementAndGet();
                        continue;
                    }
                    queue.close(claim.escalation().id(), EscalationStatus.RESOLVED, "bench", UtcColumns.now());
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-18s %6d ops by %d agents in %6.2f s: %8.1f ops/s, latency p50 %6.2f ms,"
                        + " p99 %6.2f ms%s%n", label, sorted.length, agents.size(), seconds, sorted.length / seconds,
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, (empty.get() > 0 ? ", " + empty.get()
                        + " found nothing" : "") + (floor ? "" : " (an op is claim + release; latency is the claim's)"));
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
