package dev.parley.channel.alexa;

import dev.parley.web.ApiException;
import io.micronaut.http.HttpStatus;

/** A request Alexa's rules say to refuse: 400 with a code that says which check failed. */
final class AlexaRejection extends ApiException {

    AlexaRejection(String code, String message) {
        super(HttpStatus.BAD_REQUEST, code, message);
    }

    String code() {
        return toError().error();
    }
}
