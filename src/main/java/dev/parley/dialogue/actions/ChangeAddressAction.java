package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.OrderChange;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * {@code change_address}: sends an order that has not shipped to a new address. Once the order is known, the
 * intent's responses ask for the address (free text, slot {@code address}); the answer is applied at once and
 * reported with {@code address_changed}. No extra confirmation: the shopper has just typed the address.
 */
@Singleton
class ChangeAddressAction extends OrderChangeAction {

    static final String ADDRESS = "address";

    ChangeAddressAction(OrderBook orders) {
        super(orders, "address_not_changeable", "address_changed");
    }

    @Override
    public String name() {
        return "change_address";
    }

    @Override
    protected ActionResult answer(ActionContext context, Order order, Map<String, String> fields) {
        String address = context.slot(ADDRESS);
        if (address == null || address.isBlank()) {
            Optional<ActionResult> refusal = refuse(context);
            return refusal.orElseGet(() -> ActionResult.awaiting(ADDRESS, fields));
        }
        return super.answer(context, order, fields);
    }

    @Override
    protected Optional<OrderChange> apply(ActionContext context, Order order) {
        return orders.changeAddress(order.number(), context.slot(ADDRESS), context.facts().customerId());
    }
}
