package dev.parley.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Micronaut's own error responses (unknown route, wrong method or media type, unparsable JSON, a query value that
 * does not convert, a body too large, an unexpected exception) in the same {@link ApiError} shape as ours, so a
 * client handles one error format. 5xx answers never echo exception messages.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() >= 500) {
            return ApiError.of("internal_error", "Something went wrong on our side. Please try again.");
        }
        List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
        String message = messages.isEmpty() ? status.getReason() : messages.get(0);
        return new ApiError(code(status, context.getRootCause().orElse(null)), message,
                messages.size() > 1 ? messages : null);
    }

    private static String code(HttpStatus status, Throwable cause) {
        if (status == HttpStatus.BAD_REQUEST && cause != null) {
            if (cause instanceof ConversionErrorException) {
                return "invalid_parameter";
            }
            if (cause instanceof UnsatisfiedRouteException) {
                return "missing_parameter";
            }
            if (cause.getClass().getName().contains("Json") || cause.getClass().getName().contains("Serde")) {
                return "malformed_json";
            }
        }
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case REQUEST_ENTITY_TOO_LARGE -> "request_too_large";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }
}
