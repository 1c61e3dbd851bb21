package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import jakarta.inject.Singleton;

import java.util.Map;

/** {@code track_parcel}: the carrier, tracking number and link, or why there is none yet. */
@Singleton
class TrackParcelAction extends OrderLookupAction {

    TrackParcelAction(OrderBook orders) {
        super(orders);
    }

    @Override
    public String name() {
        return "track_parcel";
    }

    @Override
    protected ActionResult answer(ActionContext context, Order order, Map<String, String> fields) {
        return order.status().hasShipped() && order.trackingUrl() != null ? ActionResult.of(fields)
                : ActionResult.respond("parcel_not_shipped", fields);
    }
}
