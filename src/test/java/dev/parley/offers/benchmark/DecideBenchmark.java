package dev.parley.offers.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.message.Channel;
import dev.parley.offers.DecisionRequest;
import dev.parley.offers.OfferDecision;
import dev.parley.offers.OfferEngine;
import dev.parley.offers.RewardOutcome;
import dev.parley.offers.events.EventType;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.offer.OfferDefinitions;
import io.micronaut.context.ApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: {@code OfferEngine.decide} latency and throughput with 500 eligible offers, end to end
 * (profile, rules, features, bandit scores, coupon, decision log insert into MariaDB). The baseline measured in
 * the same run is the 39 demo offers. Runs against the test database (PARLEY_TEST_DB_URL), which it wipes.
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.parley.offers.benchmark.DecideBenchmark
 * </pre>
 */
public final class DecideBenchmark {

    private DecideBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (ApplicationContext context = ApplicationContext.builder().environments("test").deduceEnvironment(false).start()) {
            OfferEngine engine = context.getBean(OfferEngine.class);
            OfferBook offers = context.getBean(OfferBook.class);
            ProductCatalog catalog = context.getBean(ProductCatalog.class);
            List<String> shoppers = warmShoppers(engine, catalog, 300);

            Map<String, Object> result = new LinkedHashMap<>();
            int demoEligible = eligible(engine, shoppers.get(0));
            result.put("baseline_demo_offers", run(engine, shoppers, measured, seconds, demoEligible));

            List<Offer> generated = generatedOffers(catalog, 500 - demoEligible);
            offers.saveAll(generated);
            int eligible = eligible(engine, shoppers.get(0));
            result.put("offers_500", run(engine, shoppers, measured, seconds, eligible));
            result.put("cores", Runtime.getRuntime().availableProcessors());
            result.put("load_average", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
            System.out.println(new ObjectMapper().writeValueAsString(result));
        }
    }

    private static int eligible(OfferEngine engine, String shopper) {
        return (int) engine.eligibility(DecisionRequest.of(shopper, Channel.WEBCHAT, "product_search", Map.of()))
                .values().stream().filter("eligible"::equals).count();
    }

    private static Map<String, Object> run(OfferEngine engine, List<String> shoppers, int measured, int seconds,
                                           int eligible) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            decideAndMaybeReward(engine, shoppers.get(random.nextInt(shoppers.size())), random);
        }
        long[] nanos = new long[measured];
        long[] cpu = new long[measured];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < measured; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            engine.decide(request(shoppers.get(random.nextInt(shoppers.size()))));
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            SplittableRandom threadRandom = random.split();
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    engine.decide(request(shoppers.get(threadRandom.nextInt(shoppers.size()))));
                    done.incrementAndGet();
                }
            });
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eligible_offers", eligible);
        figures.put("decisions_measured", measured);
        figures.put("p50_ms", nanos[measured / 2] / 1e6);
        figures.put("p90_ms", nanos[(int) (measured * 0.9)] / 1e6);
        figures.put("p99_ms", nanos[(int) (measured * 0.99)] / 1e6);
        figures.put("max_ms", nanos[measured - 1] / 1e6);
        // CPU time of the deciding thread: the engine's own cost, without time spent descheduled on a busy host
        figures.put("cpu_p50_ms", cpu[measured / 2] / 1e6);
        figures.put("cpu_p99_ms", cpu[(int) (measured * 0.99)] / 1e6);
        figures.put("throughput_per_s_2_threads", Math.round(done.get() / (double) seconds));
        return figures;
    }

    private static DecisionRequest request(String shopper) {
        return DecisionRequest.of(shopper, Channel.WEBCHAT, "product_search", Map.of()).withSlots(3);
    }

    private static void decideAndMaybeReward(OfferEngine engine, String shopper, SplittableRandom random) {
        OfferDecision decision = engine.decide(request(shopper));
        if (!decision.offers().isEmpty() && random.nextDouble() < 0.3) {
            engine.recordReward(decision.offers().get(0).decisionId(),
                    random.nextDouble() < 0.2 ? RewardOutcome.ACCEPTED : RewardOutcome.DISMISSED);
        }
    }

    private static List<String> warmShoppers(OfferEngine engine, ProductCatalog catalog, int count) {
        List<Product> products = new ArrayList<>(catalog.all());
        SplittableRandom random = new SplittableRandom(3);
        List<String> shoppers = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            String shopper = "bench-" + s;
            shoppers.add(shopper);
            List<ShopperEvent> events = new ArrayList<>();
            for (int e = 0; e < 6; e++) {
                Product product = products.get(random.nextInt(products.size()));
                events.add(new ShopperEvent(shopper + "-" + e, shopper, e == 5 ? EventType.PURCHASE : EventType.VIEW,
                        java.time.Instant.now().minusSeconds(3600L * (6 - e)), Map.of("sku", product.sku())));
            }
            engine.recordEvents(events);
        }
        return shoppers;
    }

    /** Offers without audience limits over in-stock categories: every one of them passes the hard rules. */
    private static List<Offer> generatedOffers(ProductCatalog catalog, int count) {
        List<String> categories = catalog.all().stream().filter(Product::inStock).map(Product::category).distinct().sorted().toList();
        String[] types = {"percent", "amount", "free_shipping", "bundle"};
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String type = types[i % types.length];
            Map<String, Object> discount = new LinkedHashMap<>();
            discount.put("type", type);
            if (!type.equals("free_shipping")) {
                discount.put("value", 5 + i % 20);
            }
            if (type.equals("bundle")) {
                discount.put("bundleQuantity", 2 + i % 3);
            }
            offers.add(OfferDefinitions.fromMap(Map.of("id", "bench-" + i, "title", "Bench offer " + i,
                    "discount", discount, "scope", Map.of("categories", List.of(categories.get(i % categories.size()))),
                    "tags", i % 7 == 0 ? List.of("bestseller") : List.of())));
        }
        return offers;
    }
}
