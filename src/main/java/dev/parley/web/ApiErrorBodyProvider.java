package dev.parley.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Gives the errors Micronaut raises itself (malformed JSON, a missing body, an unknown route, a wrong method) the
 * same {@link ApiError} shape as our own, so clients parse one error format.
 */
@Primary
@Singleton
class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
        String message = messages.isEmpty() ? status.getReason() : messages.get(0);
        return new ApiError(code(status), message, messages.size() > 1 ? messages : null);
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad_request";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case REQUEST_ENTITY_TOO_LARGE -> "request_too_large";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }
}
