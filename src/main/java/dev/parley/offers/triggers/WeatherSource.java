package dev.parley.offers.triggers;

import java.util.Optional;

/** Where the weather comes from; small on purpose so a provider is one class. Empty = unknown. */
public interface WeatherSource {

    Optional<WeatherReport> current(String location);
}
