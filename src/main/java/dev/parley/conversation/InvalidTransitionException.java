package dev.parley.conversation;

import dev.parley.web.ApiException;
import io.micronaut.http.HttpStatus;

/** A state change or action the conversation's current state does not allow (answered 409 over HTTP). */
public class InvalidTransitionException extends ApiException {

    public InvalidTransitionException(String message) {
        super(HttpStatus.CONFLICT, "invalid_state", message);
    }
}
