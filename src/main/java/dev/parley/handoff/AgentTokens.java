package dev.parley.handoff;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Signed JWTs for logged-in agents: the login name as subject, the role as the only role. */
@Singleton
class AgentTokens {

    /** What a login answers. */
    @Serdeable
    record Login(String accessToken, String tokenType, int expiresIn, AgentViews.AgentView agent) {
    }

    private final TokenGenerator tokens;
    private final AuthSettings settings;

    AgentTokens(TokenGenerator tokens, AuthSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    Login issue(Agent agent) {
        int seconds = settings.tokenMinutes() * 60;
        Authentication authentication = Authentication.build(agent.id(), List.of(agent.role().id()),
                Map.of("name", agent.displayName()));
        String token = tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("no JWT signature is configured"));
        return new Login(token, "Bearer", seconds, AgentViews.AgentView.of(agent));
    }
}
