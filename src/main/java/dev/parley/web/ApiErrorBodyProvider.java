package dev.parley.web;

import io.micronaut.context.annotation.Primary;
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
 * Gives the errors Micronaut raises itself (malformed JSON, a missing body, a query value that does not convert, an
 * unknown route, a wrong method) the same {@link ApiError} shape as our own, so clients parse one error format.
 * A 400 says which kind it is ({@code malformed_json}, {@code invalid_parameter}, {@code missing_parameter}) when
 * the cause tells; 5xx answers never echo exception messages.
 */
@Primary
@Singleton
class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

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
            String type = cause.getClass().getName();
            if (type.contains("Json") || type.contains("Serde")) {
                return "malformed_json";
            }
        }
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
