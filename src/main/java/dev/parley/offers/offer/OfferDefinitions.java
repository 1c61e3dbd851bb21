package dev.parley.offers.offer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes offer definitions as plain maps: the one shape shared by the YAML import, the JSON body of
 * the CRUD API and the stored row, so the three cannot drift apart. Keys are the {@link Offer} component names.
 * A YAML file is either a list of offers or a map with an {@code offers:} list.
 */
public final class OfferDefinitions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfferDefinitions() {
    }

    /** Every offer of a YAML document; all problems are collected before failing, nothing is half-read. */
    public static List<Offer> fromYaml(String yaml) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new OfferDefinitionException(List.of("not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (document instanceof Map<?, ?> map && map.get("offers") instanceof List<?> list) {
            document = list;
        }
        if (!(document instanceof List<?> entries)) {
            throw new OfferDefinitionException(List.of("expected a list of offers (or a map with an 'offers' list)"));
        }
        return fromMaps(entries);
    }

    public static List<Offer> fromMaps(List<?> entries) {
        List<Offer> offers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            try {
                if (!(entry instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("not a map");
                }
                offers.add(fromMap(map));
            } catch (IllegalArgumentException | ClassCastException e) {
                Object id = entry instanceof Map<?, ?> map ? map.get("id") : null;
                problems.add("offers[" + i + "]" + (id == null ? "" : " (" + id + ")") + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new OfferDefinitionException(problems);
        }
        return offers;
    }

    public static Offer fromMap(Map<?, ?> map) {
        Map<?, ?> discount = map(map, "discount");
        if (discount == null) {
            throw new IllegalArgumentException("discount is required");
        }
        Map<?, ?> scope = map(map, "scope");
        Map<?, ?> audience = map(map, "audience");
        Map<?, ?> cap = map(map, "frequencyCap");
        Map<?, ?> coupon = map(map, "coupon");
        Object active = map.get("active");
        return new Offer(text(map, "id"), text(map, "title"), text(map, "description"),
                new Discount(enumValue(DiscountType.class, text(discount, "type"), "discount.type"),
                        decimal(discount, "value"), integer(discount, "bundleQuantity"),
                        decimal(discount, "minCartValue")),
                scope == null ? null : new OfferScope(list(scope, "skus"), list(scope, "categories"),
                        list(scope, "brands"), list(scope, "departments")),
                audience == null ? null : new Audience(list(audience, "segments"), list(audience, "lifeEvents"),
                        list(audience, "journeyStages"), list(audience, "channels"), decimal(audience, "minClv"),
                        list(audience, "weather"), list(audience, "intents"), list(audience, "recoveryReasons"),
                        list(audience, "ageBands"), list(audience, "regions")),
                instant(map, "validFrom"), instant(map, "validTo"),
                cap == null ? null : new FrequencyCap(requiredInt(cap, "max"), requiredInt(cap, "periodHours")),
                decimal(map, "budget"), integer(map, "maxRedemptions"),
                coupon == null ? null : new CouponPolicy(
                        enumValue(CouponMode.class, text(coupon, "mode"), "coupon.mode"),
                        text(coupon, "code"), text(coupon, "prefix")),
                list(map, "tags"), active == null || Boolean.parseBoolean(active.toString()));
    }

    public static Map<String, Object> toMap(Offer offer) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", offer.id());
        map.put("title", offer.title());
        map.put("description", offer.description());
        Discount d = offer.discount();
        map.put("discount", compact(Map.of("type", d.type().name(), "value", nullable(d.value()),
                "bundleQuantity", nullable(d.bundleQuantity()), "minCartValue", nullable(d.minCartValue()))));
        OfferScope s = offer.scope();
        map.put("scope", Map.of("skus", s.skus(), "categories", s.categories(), "brands", s.brands(),
                "departments", s.departments()));
        Audience a = offer.audience();
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("segments", a.segments());
        audience.put("lifeEvents", a.lifeEvents());
        audience.put("journeyStages", a.journeyStages());
        audience.put("channels", a.channels());
        audience.put("minClv", a.minClv() == null ? "" : a.minClv());
        audience.put("weather", a.weather());
        audience.put("intents", a.intents());
        audience.put("recoveryReasons", a.recoveryReasons());
        audience.put("ageBands", a.ageBands());
        audience.put("regions", a.regions());
        map.put("audience", compact(audience));
        map.put("validFrom", offer.validFrom() == null ? null : offer.validFrom().toString());
        map.put("validTo", offer.validTo() == null ? null : offer.validTo().toString());
        map.put("frequencyCap", offer.frequencyCap() == null ? null
                : Map.of("max", offer.frequencyCap().max(), "periodHours", offer.frequencyCap().periodHours()));
        map.put("budget", offer.budget());
        map.put("maxRedemptions", offer.maxRedemptions());
        CouponPolicy c = offer.coupon();
        map.put("coupon", compact(Map.of("mode", c.mode().name(), "code", nullable(c.code()), "prefix", nullable(c.prefix()))));
        map.put("tags", offer.tags());
        map.put("active", offer.active());
        map.values().removeIf(value -> value == null);
        return map;
    }

    public static String toJson(Offer offer) {
        try {
            return JSON.writeValueAsString(toMap(offer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Offer fromJson(String json) {
        try {
            return fromMap(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    /** Drops empty values so stored definitions stay short. */
    private static Map<String, Object> compact(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!"".equals(value) && !(value instanceof List<?> l && l.isEmpty())) {
                out.put(key, value);
            }
        });
        return out;
    }

    private static Map<?, ?> map(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> nested)) {
            throw new IllegalArgumentException(key + " must be a map");
        }
        return nested;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString().trim();
    }

    private static List<String> list(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return List.of(value.toString().trim());
    }

    private static BigDecimal decimal(Map<?, ?> map, String key) {
        String text = text(map, key);
        try {
            return text == null || text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + text);
        }
    }

    private static Integer integer(Map<?, ?> map, String key) {
        BigDecimal value = decimal(map, key);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
    }

    private static int requiredInt(Map<?, ?> map, String key) {
        Integer value = integer(map, key);
        if (value == null) {
            throw new IllegalArgumentException("frequencyCap." + key + " is required");
        }
        return value;
    }

    private static Instant instant(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = value.toString().trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is not an ISO-8601 instant or date: " + text);
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + ", got " + text);
        }
    }
}
