package dev.parley.orders;

import dev.parley.storage.CsvRows;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills an empty orders table with the demo shop's orders (PA-123456 ...), so the assistant answers order questions
 * from real rows. Dates in the file are relative to today, so ETAs stay plausible whenever the demo runs.
 */
@Singleton
@Requires(property = "parley.orders.seed-demo", value = "true", defaultValue = "true")
class DemoOrderSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrderSeeder.class);
    static final String DEMO_ORDERS = "/orders/demo-orders.csv";

    private final OrderBook orders;

    DemoOrderSeeder(OrderBook orders) {
        this.orders = orders;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (orders.count() > 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Order> demo = CsvRows.readResource(DEMO_ORDERS).stream().map(row -> toOrder(row, now, today)).toList();
        orders.saveAll(demo);
        LOG.info("Seeded {} demo orders", demo.size());
    }

    private static Order toOrder(Map<String, String> row, Instant now, LocalDate today) {
        String carrier = blankToNull(row.get("carrier"));
        String tracking = blankToNull(row.get("tracking_number"));
        String eta = blankToNull(row.get("eta_in_days"));
        String delivered = blankToNull(row.get("delivered_days_ago"));
        String refund = blankToNull(row.get("refund_amount"));
        String refundIn = blankToNull(row.get("refund_expected_in_days"));
        return new Order(row.get("order_number"), blankToNull(row.get("customer_id")),
                OrderStatus.fromId(row.get("status")), row.get("items"), new BigDecimal(row.get("total")),
                row.get("currency"), carrier, tracking,
                carrier == null || tracking == null ? null : "https://tracking.example.com/"
                        + carrier.toLowerCase(Locale.ROOT) + "/" + tracking,
                row.get("shipping_address"), now.minus(Duration.ofDays(Long.parseLong(row.get("placed_days_ago")))),
                eta == null ? null : today.plusDays(Long.parseLong(eta)),
                delivered == null ? null : now.minus(Duration.ofDays(Long.parseLong(delivered))),
                RefundStatus.fromId(row.get("refund_status")), refund == null ? null : new BigDecimal(refund),
                refundIn == null ? null : today.plusDays(Long.parseLong(refundIn)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
