package dev.parley.offers.web;

import dev.parley.web.ApiException;
import io.micronaut.json.JsonMapper;
import io.micronaut.core.type.Argument;

import java.io.IOException;

/**
 * Reads request bodies ourselves so a malformed body is a JSON 400 in the project's error shape, naming what
 * was wrong, rather than the framework's generic conversion error.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> T read(JsonMapper mapper, String body, Argument<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("empty_body", "the request needs a JSON body");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("empty_body", "the request needs a JSON body");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw ApiException.badRequest("invalid_json", "unreadable JSON body: " + message);
        }
    }

    static <T> T orBadRequest(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", e.getMessage());
        }
    }
}
