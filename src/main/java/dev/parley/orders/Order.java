package dev.parley.orders;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A shop order.
 *
 * @param number            e.g. {@code PA-123456}
 * @param customerId        the site customer who placed it; null for guest orders
 * @param items             a readable summary, e.g. "Northpeak Cloud Sneaker (42), 2 × Tidewell Tee (M)"
 * @param estimatedDelivery the carrier's ETA while on its way
 * @param refundExpected    when a requested or processing refund should reach the shopper
 */
public record Order(String number, @Nullable String customerId, OrderStatus status, String items, BigDecimal total,
                    String currency, @Nullable String carrier, @Nullable String trackingNumber,
                    @Nullable String trackingUrl, String shippingAddress, Instant placedAt,
                    @Nullable LocalDate estimatedDelivery, @Nullable Instant deliveredAt, RefundStatus refundStatus,
                    @Nullable BigDecimal refundAmount, @Nullable LocalDate refundExpected) {

    /** Whether this shopper may change the order: guest orders by number, customer orders only by their owner. */
    public boolean changeableBy(@Nullable String shopperCustomerId) {
        return customerId == null || customerId.equals(shopperCustomerId);
    }
}
