package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.OrderChange;

import java.util.Map;
import java.util.Optional;

/**
 * An action that changes an order (cancel it, send it elsewhere): it refuses up front when the order is unknown,
 * belongs to another customer, or has shipped, and reports a done change with {@code doneResponse}.
 */
abstract class OrderChangeAction extends OrderLookupAction {

    private final String tooLateResponse;
    private final String doneResponse;

    OrderChangeAction(OrderBook orders, String tooLateResponse, String doneResponse) {
        super(orders);
        this.tooLateResponse = tooLateResponse;
        this.doneResponse = doneResponse;
    }

    /** Applies the change; empty when the order vanished meanwhile. */
    protected abstract Optional<OrderChange> apply(ActionContext context, Order order);

    @Override
    public Optional<ActionResult> refuse(ActionContext context) {
        OrderFields.Lookup lookup = OrderFields.lookup(orders, context);
        return lookup.order() == null ? Optional.of(lookup.notFound()) : refusal(context, lookup.order());
    }

    @Override
    public Map<String, String> preview(ActionContext context) {
        Order order = OrderFields.lookup(orders, context).order();
        return order == null ? Map.of() : OrderFields.of(order, context.facts().locale());
    }

    @Override
    protected ActionResult answer(ActionContext context, Order order, Map<String, String> fields) {
        Optional<ActionResult> refusal = refusal(context, order);
        if (refusal.isPresent()) {
            return refusal.get(); // things may have moved on since the shopper confirmed
        }
        Optional<OrderChange> change = apply(context, order);
        if (change.isEmpty()) {
            return OrderFields.lookup(orders, context).notFound();
        }
        Map<String, String> after = OrderFields.of(change.get().order(), context.facts().locale());
        return switch (change.get().outcome()) {
            case APPLIED -> ActionResult.respond(doneResponse, after);
            case TOO_LATE -> ActionResult.respond(tooLateResponse, after);
            case NOT_OWNER -> ActionResult.respond("order_not_yours", after);
        };
    }

    private Optional<ActionResult> refusal(ActionContext context, Order order) {
        if (!order.changeableBy(context.facts().customerId())) {
            return Optional.of(ActionResult.respond("order_not_yours", Map.of("order.number", order.number())));
        }
        if (!order.status().isChangeable()) {
            return Optional.of(ActionResult.respond(tooLateResponse, OrderFields.of(order,
                    context.facts().locale())));
        }
        return Optional.empty();
    }
}
