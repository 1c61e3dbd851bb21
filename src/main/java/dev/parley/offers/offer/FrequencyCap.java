package dev.parley.offers.offer;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;

/** At most {@code max} impressions of the offer per shopper within {@code periodHours}. */
@Serdeable
public record FrequencyCap(int max, int periodHours) {

    public FrequencyCap {
        if (max < 1 || periodHours < 1) {
            throw new IllegalArgumentException("frequencyCap needs max >= 1 and periodHours >= 1");
        }
    }

    public Duration period() {
        return Duration.ofHours(periodHours);
    }
}
