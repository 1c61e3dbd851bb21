package dev.parley.offers.events;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns loosely typed rows (parsed JSON) into events, collecting every reason a row is unusable, so a client
 * learns all its mistakes from one response. Accepts camelCase or snake_case field names.
 */
public final class EventValidator {

    static final int MAX_ID = 100;
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    private static final Set<String> NUMERIC = Set.of("price", "quantity", "amount");

    private EventValidator() {
    }

    /** Either an event or the reasons it is not one. */
    public record Parsed(ShopperEvent event, List<String> problems) {
    }

    public static Parsed parse(Object row, Instant now) {
        if (!(row instanceof Map<?, ?> map)) {
            return new Parsed(null, List.of("not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String eventId = id(map, problems, "eventId", "event_id");
        String shopperId = id(map, problems, "shopperId", "shopper_id");
        Object typeValue = map.get("type");
        EventType type = null;
        if (typeValue == null || typeValue.toString().isBlank()) {
            problems.add("missing type");
        } else {
            type = EventType.fromId(typeValue.toString().trim()).orElse(null);
            if (type == null) {
                problems.add("unknown type '" + typeValue + "'");
            }
        }
        Instant timestamp = timestamp(map.get("timestamp"), now, problems);
        Map<String, String> properties = properties(map.get("properties"), problems);
        if (type != null && properties != null) {
            if (type.isProductEvent() && properties.get("sku") == null && properties.get("category") == null) {
                problems.add(type.id() + " needs properties.sku or properties.category");
            }
            if (type.isOfferEvent() && properties.get("offer_id") == null && properties.get("decision_id") == null) {
                problems.add(type.id() + " needs properties.offer_id or properties.decision_id");
            }
            if (type == EventType.SEARCH && properties.get("query") == null && properties.get("category") == null) {
                problems.add("search needs properties.query or properties.category");
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new ShopperEvent(eventId, shopperId, type, timestamp, properties), List.of());
    }

    private static String id(Map<?, ?> map, List<String> problems, String camel, String snake) {
        Object value = map.containsKey(camel) ? map.get(camel) : map.get(snake);
        if (value == null || value.toString().isBlank()) {
            problems.add("missing " + camel);
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            problems.add(camel + " must be a string");
            return null;
        }
        String text = value.toString().trim();
        if (text.length() > MAX_ID) {
            problems.add(camel + " longer than " + MAX_ID + " characters");
            return null;
        }
        return text;
    }

    private static Instant timestamp(Object value, Instant now, List<String> problems) {
        if (value == null) {
            problems.add("missing timestamp");
            return null;
        }
        Instant timestamp;
        try {
            timestamp = value instanceof Number number ? Instant.ofEpochMilli(number.longValue())
                    : Instant.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            problems.add("timestamp is neither ISO-8601 nor epoch millis: " + value);
            return null;
        }
        if (timestamp.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            problems.add("timestamp is in the future");
            return null;
        }
        return timestamp;
    }

    private static Map<String, String> properties(Object value, List<String> problems) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (value == null) {
            return properties;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("properties must be an object");
            return null;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = entry.getKey().toString();
            Object v = entry.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof Map || v instanceof List) {
                problems.add("properties." + key + " must be a string, number or boolean");
                continue;
            }
            String text = v.toString().trim();
            if (text.length() > 500) {
                problems.add("properties." + key + " longer than 500 characters");
                continue;
            }
            if (NUMERIC.contains(key)) {
                try {
                    double number = Double.parseDouble(text);
                    if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
                        problems.add("properties." + key + " must not be negative");
                    }
                } catch (NumberFormatException e) {
                    problems.add("properties." + key + " is not a number: " + text);
                }
            }
            properties.put(key, text);
        }
        return properties;
    }
}
