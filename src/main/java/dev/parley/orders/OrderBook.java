package dev.parley.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shop's orders: what the dialogue's order actions read and change. */
@Singleton
public class OrderBook {

    private static final Pattern NUMBER = Pattern.compile("(?i)\\bPA[- ]?(\\d{6})\\b");

    private final OrderRepository repository;

    OrderBook(OrderRepository repository) {
        this.repository = repository;
    }

    /** "pa 123456", "PA123456" and "PA-123456" are the same order number. */
    public static Optional<String> normalise(String number) {
        Matcher matcher = NUMBER.matcher(number == null ? "" : number);
        return matcher.find() ? Optional.of("PA-" + matcher.group(1)) : Optional.empty();
    }

    public Optional<Order> find(String number) {
        return normalise(number).flatMap(repository::find);
    }

    public int count() {
        return repository.count();
    }

    @Transactional
    public void saveAll(List<Order> orders) {
        repository.insertAll(orders);
    }

    /** Refunds of cancelled orders reach the shopper's payment method within this many days. */
    static final int REFUND_DAYS = 5;

    /** Cancels the order and requests its refund, if it has not shipped and the shopper may change it. */
    @Transactional
    public Optional<OrderChange> cancel(String number, @Nullable String shopperCustomerId) {
        LocalDate refundBy = LocalDate.now(ZoneOffset.UTC).plusDays(REFUND_DAYS);
        return change(number, shopperCustomerId, normalised -> repository.cancel(normalised, refundBy));
    }

    @Transactional
    public Optional<OrderChange> changeAddress(String number, String address, @Nullable String shopperCustomerId) {
        return change(number, shopperCustomerId, normalised -> repository.changeAddress(normalised, address.trim()));
    }

    private Optional<OrderChange> change(String number, @Nullable String shopperCustomerId,
                                         java.util.function.Predicate<String> update) {
        Optional<Order> order = find(number);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        if (!order.get().changeableBy(shopperCustomerId)) {
            return Optional.of(new OrderChange(OrderChange.Outcome.NOT_OWNER, order.get()));
        }
        boolean applied = update.test(order.get().number());
        Order after = repository.find(order.get().number()).orElseThrow();
        return Optional.of(new OrderChange(applied ? OrderChange.Outcome.APPLIED : OrderChange.Outcome.TOO_LATE,
                after));
    }
}
