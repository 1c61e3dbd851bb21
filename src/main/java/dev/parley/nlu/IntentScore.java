package dev.parley.nlu;

import io.micronaut.serde.annotation.Serdeable;

/** One intent of the ranking with its calibrated confidence (the probability it is the right intent). */
@Serdeable
public record IntentScore(String name, double confidence) {
}
