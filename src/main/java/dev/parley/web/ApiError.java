package dev.parley.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The one JSON error body of every endpoint: a stable machine code, a sentence for people, and details (e.g. the
 * rejected rows of a batch) when there are several problems.
 */
@Serdeable
public record ApiError(String error, String message, @Nullable List<String> details) {

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null);
    }
}
