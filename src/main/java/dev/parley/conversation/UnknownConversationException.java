package dev.parley.conversation;

import dev.parley.web.ApiException;
import io.micronaut.http.HttpStatus;

/** No conversation with that id (answered 404 over HTTP). */
public class UnknownConversationException extends ApiException {

    public UnknownConversationException(String conversationId) {
        super(HttpStatus.NOT_FOUND, "unknown_conversation", "no conversation " + conversationId);
    }
}
