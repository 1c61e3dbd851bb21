package dev.parley.stores;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;

/**
 * A physical store.
 *
 * @param hours opening hours per weekday, "10:00-20:00" or "closed", in the store's time zone
 */
public record Store(String id, String name, String city, String country, String address, String phone,
                    ZoneId timeZone, Map<DayOfWeek, String> hours) {

    public Store {
        hours = Map.copyOf(hours);
    }

    public String hoursOn(DayOfWeek day) {
        return hours.getOrDefault(day, "closed");
    }
}
