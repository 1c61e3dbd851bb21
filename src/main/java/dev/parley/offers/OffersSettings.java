package dev.parley.offers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * parley.offers.*: the engine as a whole.
 *
 * @param seedDemo load src/main/resources/offers/demo-offers.yml into an empty offer table at start-up
 */
@ConfigurationProperties("parley.offers")
public record OffersSettings(@Bindable(defaultValue = "true") boolean seedDemo) {
}
