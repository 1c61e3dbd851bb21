package dev.parley.offers.triggers;

import java.util.Optional;

/** The same weather everywhere: offline demos and tests. */
public final class FixedWeatherSource implements WeatherSource {

    private final String condition;

    public FixedWeatherSource(String condition) {
        this.condition = condition;
    }

    @Override
    public Optional<WeatherReport> current(String location) {
        return Optional.of(new WeatherReport(location, condition, null));
    }
}
