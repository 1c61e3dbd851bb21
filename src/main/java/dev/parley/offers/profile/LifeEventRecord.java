package dev.parley.offers.profile;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A life event the shopper is going through, how we learnt it, and when it stops mattering. */
@Serdeable
public record LifeEventRecord(String lifeEvent, String source, Instant detectedAt, Instant expiresAt) {

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
