package dev.parley.offers.triggers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** Picks the weather source from parley.offers.weather.provider. */
@Factory
class WeatherSourceFactory {

    @Singleton
    WeatherSource weatherSource(WeatherSettings settings) {
        return switch (settings.provider().toLowerCase()) {
            case "http" -> new HttpWeatherSource(settings.url(), Duration.ofMillis(settings.timeoutMillis()),
                    Duration.ofMinutes(settings.cacheMinutes()));
            case "fixed" -> new FixedWeatherSource(settings.fixedCondition());
            case "disabled" -> location -> Optional.empty();
            default -> throw new IllegalArgumentException(
                    "parley.offers.weather.provider must be disabled, fixed or http, got " + settings.provider());
        };
    }
}
