package dev.parley.handoff;

import dev.parley.web.ApiException;
import io.micronaut.http.HttpStatus;

/** No agent with that id (answered 404 over HTTP). */
public class UnknownAgentException extends ApiException {

    public UnknownAgentException(String agentId) {
        super(HttpStatus.NOT_FOUND, "unknown_agent", "no agent " + agentId);
    }
}
