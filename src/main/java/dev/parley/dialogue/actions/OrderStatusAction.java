package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import jakarta.inject.Singleton;

import java.util.Map;

/** {@code order_status}: where an order is and when it arrives. */
@Singleton
class OrderStatusAction extends OrderLookupAction {

    OrderStatusAction(OrderBook orders) {
        super(orders);
    }

    @Override
    public String name() {
        return "order_status";
    }

    @Override
    protected ActionResult answer(ActionContext context, Order order, Map<String, String> fields) {
        return ActionResult.of(fields);
    }
}
