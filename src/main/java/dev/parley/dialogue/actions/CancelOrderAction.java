package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.OrderChange;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * {@code cancel_order}: after a yes to the intent's question, cancels an order that has not shipped and requests
 * its refund ({@code order_cancelled}).
 */
@Singleton
class CancelOrderAction extends OrderChangeAction {

    CancelOrderAction(OrderBook orders) {
        super(orders, "order_not_cancellable", "order_cancelled");
    }

    @Override
    public boolean needsConfirmation() {
        return true;
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
