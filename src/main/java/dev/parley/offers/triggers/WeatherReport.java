package dev.parley.offers.triggers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The weather at a place, as offers care about it.
 *
 * @param condition lower-case condition: clear, cloudy, rain, snow, storm, hot, cold
 */
@Serdeable
public record WeatherReport(String location, String condition, @Nullable Double temperatureC) {

    public WeatherReport {
        condition = condition == null ? "unknown" : condition.toLowerCase();
    }

    /** Rain, drizzle, showers and storms all count as wet: what umbrella and taxi offers wait for. */
    public boolean isWet() {
        return condition.contains("rain") || condition.contains("drizzle") || condition.contains("shower")
                || condition.contains("storm") || condition.contains("snow");
    }

    /** Whether an offer's weather audience entry matches, "rain" matching any wet condition. */
    public boolean matches(String audienceCondition) {
        String wanted = audienceCondition.toLowerCase();
        return condition.equals(wanted) || (wanted.equals("rain") && isWet());
    }
}
