package dev.parley.offers.triggers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * parley.offers.weather.*: where weather comes from.
 *
 * @param provider         disabled (default offline: no weather, weather offers only when the caller passes it),
 *                         fixed (always {@code fixedCondition}: demos), http (GET {@code url})
 * @param url              for http: a URL with {location} in it, answering JSON
 *                         {"condition": "rain", "temperature_c": 11.5}
 * @param fixedCondition   for fixed
 * @param timeoutMillis    for http: connect and read timeout; a slow provider means "unknown", never a slow decision
 * @param cacheMinutes     how long a location's weather is reused
 */
@ConfigurationProperties("parley.offers.weather")
public record WeatherSettings(
        @Bindable(defaultValue = "disabled") String provider,
        @Nullable String url,
        @Bindable(defaultValue = "rain") String fixedCondition,
        @Bindable(defaultValue = "800") int timeoutMillis,
        @Bindable(defaultValue = "10") int cacheMinutes) {
}
