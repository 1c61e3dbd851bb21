package dev.parley.dialogue.actions;

import dev.parley.stores.Store;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A store as placeholders: {@code store.name}, {@code store.address}, {@code store.phone}, {@code store.city},
 * {@code store.map_url}, {@code store.hours} (the week in short: "Mon-Sat 10:00-20:00, Sun closed"),
 * {@code store.hours_today}, {@code store.open_now} ("open" / "closed"), {@code store.hours_week} (every day);
 * and {@code stores.list}, {@code stores.count}, {@code stores.cities}.
 */
final class StoreFields {

    static final String CITY = "city";

    private StoreFields() {
    }

    static Map<String, String> of(Store store, String locale, ZonedDateTime now) {
        Locale language = Locale.forLanguageTag(locale);
        ZonedDateTime local = now.withZoneSameInstant(store.timeZone());
        String today = store.hoursOn(local.getDayOfWeek());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("store.name", store.name());
        fields.put("store.address", store.address());
        fields.put("store.phone", store.phone());
        fields.put("store.city", store.city());
        fields.put("store.map_url", "https://www.openstreetmap.org/search?query="
                + java.net.URLEncoder.encode(store.address(), java.nio.charset.StandardCharsets.UTF_8));
        fields.put("store.hours", week(store, language));
        fields.put("store.hours_today", today);
        fields.put("store.open_now", isOpen(today, local.toLocalTime()) ? "open" : "closed");
        fields.put("store.hours_week", java.util.Arrays.stream(DayOfWeek.values())
                .map(day -> day.getDisplayName(TextStyle.SHORT, language) + " " + store.hoursOn(day))
                .collect(Collectors.joining(", ")));
        return fields;
    }

    static Map<String, String> list(List<Store> stores, List<String> cities) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("stores.count", Integer.toString(stores.size()));
        fields.put("stores.list", stores.stream().map(s -> s.name() + " (" + s.address() + ")")
                .collect(Collectors.joining(", ")));
        fields.put("stores.cities", String.join(", ", cities));
        return fields;
    }

    /** Runs of days with the same hours: "Mon-Sat 10:00-20:00, Sun closed". */
    static String week(Store store, Locale language) {
        List<String> parts = new java.util.ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int start = 0;
        for (int i = 1; i <= days.length; i++) {
            if (i == days.length || !store.hoursOn(days[i]).equals(store.hoursOn(days[start]))) {
                String first = days[start].getDisplayName(TextStyle.SHORT, language);
                String last = days[i - 1].getDisplayName(TextStyle.SHORT, language);
                parts.add((start == i - 1 ? first : first + "-" + last) + " " + store.hoursOn(days[start]));
                start = i;
            }
        }
        return String.join(", ", parts);
    }

    /** "10:00-20:00" contains the time; "closed" never does. */
    static boolean isOpen(String hours, LocalTime time) {
        String[] range = hours.split("-");
        if (range.length != 2) {
            return false;
        }
        return !time.isBefore(LocalTime.parse(range[0].trim())) && time.isBefore(LocalTime.parse(range[1].trim()));
    }
}
