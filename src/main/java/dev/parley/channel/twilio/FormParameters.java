package dev.parley.channel.twilio;

import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook's form-encoded body, decoded from the raw bytes: every parameter with all its values, because the
 * signature covers all of them. Broken percent-encoding is a 400.
 */
record FormParameters(Map<String, List<String>> values) {

    FormParameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static FormParameters parse(@Nullable byte[] body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name.isEmpty()) {
                    throw malformed("a parameter has no name");
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new FormParameters(values);
    }

    /** The parameter's first value, or null. */
    @Nullable
    String first(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    String required(String name) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_parameter", name + " is required");
        }
        return value;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed("broken percent-encoding");
        }
    }

    private static ApiException malformed(String why) {
        return ApiException.badRequest("malformed_form", "the body is not valid form data: " + why);
    }
}
