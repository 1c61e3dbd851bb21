package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.orders.Order;
import dev.parley.orders.OrderBook;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code invoice_request}: {@code order.invoice_url}, the shop's invoice page for the order
 * ({@code parley.orders.invoice-url}, with {@code %s} where the order number goes).
 */
@Singleton
class InvoiceRequestAction extends OrderLookupAction {

    private final String invoiceUrl;

    InvoiceRequestAction(OrderBook orders,
                         @Value("${parley.orders.invoice-url}") String invoiceUrl) {
        super(orders);
        this.invoiceUrl = invoiceUrl;
    }

    @Override
    public String name() {
        return "invoice_request";
    }

    @Override
    protected ActionResult answer(ActionContext context, Order order, Map<String, String> fields) {
        Map<String, String> withInvoice = new LinkedHashMap<>(fields);
        withInvoice.put("order.invoice_url", invoiceUrl.replace("%s", order.number()));
        return ActionResult.of(withInvoice);
    }
}
