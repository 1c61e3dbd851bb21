package dev.parley.handoff;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the bearer token of the console's WebSocket from its {@code access_token} query parameter: browsers cannot
 * set an Authorization header on a WebSocket. Only for {@code /ws/agent/} paths, so the token never appears in
 * other URLs.
 */
@Singleton
class QueryTokenReader implements TokenReader<HttpRequest<?>> {

    static final String PARAMETER = "access_token";
    private static final String PATHS = "/ws/agent/";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!request.getPath().startsWith(PATHS)) {
            return Optional.empty();
        }
        return request.getParameters().getFirst(PARAMETER).filter(token -> !token.isBlank());
    }
}
