package dev.parley.offers;

import io.micronaut.serde.annotation.Serdeable;

/** One line of the shopper's cart as the dialogue or the site knows it. */
@Serdeable
public record CartLine(String sku, int quantity) {

    public CartLine {
        quantity = Math.max(1, quantity);
    }
}
