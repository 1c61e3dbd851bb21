package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.OrderChange;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@code cancel_order}: cancels an order that has not shipped and requests its refund, after a yes. */
@Singleton
class CancelOrderAction extends OrderChangeAction {

    CancelOrderAction(OrderBook orders) {
        super(orders, "order_not_cancellable");
    }

    @Override
    public String name() {
        return "cancel_order";
    }

    @Override
    protected Optional<OrderChange> apply(ActionContext context, Order order) {
        return orders.cancel(order.number(), context.facts().customerId());
    }
}
