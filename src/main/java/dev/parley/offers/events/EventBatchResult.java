package dev.parley.offers.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The outcome of a batch: {@code stored} new events, {@code duplicates} already stored (same event id), and the
 * rejected rows, which were not stored while every other row was.
 */
@Serdeable
public record EventBatchResult(int received, int stored, int duplicates, @JsonInclude(JsonInclude.Include.ALWAYS) List<RejectedEvent> rejected) {

    public EventBatchResult {
        rejected = List.copyOf(rejected);
    }
}
