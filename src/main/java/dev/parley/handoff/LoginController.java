package dev.parley.handoff;

import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/agent/login {"username","password"}}: a bearer token for the agent API and console. */
@Controller("/api/agent/login")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    @Serdeable
    record Credentials(@Nullable String username, @Nullable String password) {
    }

    private final AgentAccounts accounts;
    private final AgentTokens tokens;
    private final AgentPresence presence;

    LoginController(AgentAccounts accounts, AgentTokens tokens, AgentPresence presence) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.presence = presence;
    }

    @Post
    AgentTokens.Login login(@Body Credentials credentials) {
        Agent agent = accounts.authenticate(credentials.username(), credentials.password()).orElseThrow(() -> {
            LOG.info("Failed agent login");
            return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "wrong login or password");
        });
        presence.seen(agent.id());
        return tokens.issue(agent);
    }
}
