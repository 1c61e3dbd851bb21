package dev.parley.handoff;

import dev.parley.web.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** The agent behind a request's token (and a sign of life from them); 401 when the account is gone. */
@Singleton
class CurrentAgent {

    private final AgentAccounts accounts;
    private final AgentPresence presence;

    CurrentAgent(AgentAccounts accounts, AgentPresence presence) {
        this.accounts = accounts;
        this.presence = presence;
    }

    Agent of(Authentication authentication) {
        Agent agent = accounts.find(authentication.getName()).orElseThrow(() -> new ApiException(
                HttpStatus.UNAUTHORIZED, "unknown_agent", "this login no longer exists"));
        presence.seen(agent.id());
        return agent;
    }

    Agent supervisor(Authentication authentication) {
        Agent agent = of(authentication);
        if (!agent.isSupervisor()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "only supervisors may do this");
        }
        return agent;
    }
}
