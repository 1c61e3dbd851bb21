package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.RefundStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An order as response placeholders: {@code order_number} (normalised, PA-123456), {@code order.number},
 * {@code order.status} ("out for delivery"), {@code order.status_code}, {@code order.items}, {@code order.total},
 * {@code order.carrier}, {@code order.tracking_number}, {@code order.tracking_url}, {@code order.eta},
 * {@code order.delivered_on}, {@code order.refund_status}, {@code order.refund_amount}, and for a refund
 * {@code refund.status} ("requested", "being processed", "completed"), {@code refund.amount}, {@code refund.eta}.
 * The shipping address is left out on purpose: anyone with an order number may ask for its status.
 */
final class OrderFields {

    static final String ORDER_NUMBER = "order_number";

    private OrderFields() {
    }

    static Map<String, String> of(Order order, String locale) {
        Locale language = Locale.forLanguageTag(locale);
        DateTimeFormatter date = DateTimeFormatter.ofPattern("EEEE d MMMM", language);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ORDER_NUMBER, order.number());
        fields.put("order.number", order.number());
        fields.put("order.status", order.status().text());
        fields.put("order.status_code", order.status().id());
        fields.put("order.items", order.items());
        fields.put("order.total", money(order.total(), order.currency()));
        put(fields, "order.carrier", order.carrier());
        put(fields, "order.tracking_number", order.trackingNumber());
        put(fields, "order.tracking_url", order.trackingUrl());
        if (order.estimatedDelivery() != null) {
            fields.put("order.eta", date.format(order.estimatedDelivery()));
        }
        if (order.deliveredAt() != null) {
            fields.put("order.delivered_on", date.format(LocalDate.ofInstant(order.deliveredAt(), ZoneOffset.UTC)));
        }
        fields.put("order.refund_status", order.refundStatus().id());
        if (order.refundAmount() != null) {
            fields.put("order.refund_amount", money(order.refundAmount(), order.currency()));
            fields.put("refund.amount", money(order.refundAmount(), order.currency()));
        }
        if (order.refundStatus() != RefundStatus.NONE) {
            fields.put("refund.status", switch (order.refundStatus()) {
                case REQUESTED -> "requested";
                case PROCESSING -> "being processed";
                default -> "completed";
            });
        }
        if (order.refundExpected() != null && order.refundStatus() != RefundStatus.REFUNDED) {
            fields.put("refund.eta", date.format(order.refundExpected()));
        }
        return fields;
    }

    /** The order named by the {@code order_number} slot, or the result that asks for the number again. */
    static Lookup lookup(OrderBook orders, ActionContext context) {
        String number = context.slot(ORDER_NUMBER);
        Optional<Order> order = number == null ? Optional.empty() : orders.find(number);
        if (order.isEmpty()) {
            return new Lookup(null, ActionResult.retry(ORDER_NUMBER, "order_not_found",
                    Map.of(ORDER_NUMBER, number == null ? "" : number)));
        }
        return new Lookup(order.get(), null);
    }

    /** Either the order or, when there is none, what to answer. */
    record Lookup(Order order, ActionResult notFound) {
    }

    static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }
}
