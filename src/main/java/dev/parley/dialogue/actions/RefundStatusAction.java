package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.RefundStatus;
import jakarta.inject.Singleton;

import java.util.Map;

/** {@code refund_status}: how far an order's refund got ({@code order.refund_status}, {@code order.refund_amount}). */
@Singleton
class RefundStatusAction extends OrderLookupAction {

    RefundStatusAction(OrderBook orders) {
        super(orders);
    }

    @Override
    public String name() {
        return "refund_status";
    }

    @Override
    protected ActionResult answer(ActionContext context, Order order, Map<String, String> fields) {
        return order.refundStatus() == RefundStatus.NONE ? ActionResult.respond("no_refund", fields)
                : ActionResult.of(fields);
    }
}
