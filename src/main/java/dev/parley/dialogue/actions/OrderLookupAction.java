package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.dialogue.DialogueAction;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;

import java.util.List;
import java.util.Map;

/** An action about the order in the {@code order_number} slot; an unknown number is asked for again. */
abstract class OrderLookupAction implements DialogueAction {

    protected final OrderBook orders;

    OrderLookupAction(OrderBook orders) {
        this.orders = orders;
    }

    /** The answer for a known order; {@code fields} already holds its {@link OrderFields}. */
    protected abstract ActionResult answer(ActionContext context, Order order, Map<String, String> fields);

    @Override
    public List<String> requiredInputs() {
        return List.of(OrderFields.ORDER_NUMBER);
    }

    @Override
    public ActionResult run(ActionContext context) {
        OrderFields.Lookup lookup = OrderFields.lookup(orders, context);
        return lookup.order() == null ? lookup.notFound()
                : answer(context, lookup.order(), OrderFields.of(lookup.order(), context.facts().locale()));
    }
}
