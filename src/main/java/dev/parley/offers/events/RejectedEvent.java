package dev.parley.offers.events;

import io.micronaut.serde.annotation.Serdeable;

/** A row of a batch that was not stored: its 0-based index in the batch and why. */
@Serdeable
public record RejectedEvent(int index, String reason) {

    @Override
    public String toString() {
        return "row " + index + ": " + reason;
    }
}
