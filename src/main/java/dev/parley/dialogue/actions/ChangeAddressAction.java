package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import dev.parley.orders.OrderChange;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * {@code change_address}: sends an order that has not shipped to a new address (slot {@code address}, free text),
 * after a yes.
 */
@Singleton
class ChangeAddressAction extends OrderChangeAction {

    static final String ADDRESS = "address";

    ChangeAddressAction(OrderBook orders) {
        super(orders, "address_not_changeable");
    }

    @Override
    public String name() {
        return "change_address";
    }

    @Override
    public List<String> requiredInputs() {
        return List.of(OrderFields.ORDER_NUMBER, ADDRESS);
    }

    @Override
    protected Optional<OrderChange> apply(ActionContext context, Order order) {
        return orders.changeAddress(order.number(), context.slot(ADDRESS), context.facts().customerId());
    }
}
