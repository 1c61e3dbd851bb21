package dev.parley.handoff;

import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.util.List;

/** {@code /api/handoff}: figures for everyone logged in; agent accounts for supervisors. */
@Controller("/api/handoff")
@Secured({AgentRole.AGENT_ID, AgentRole.SUPERVISOR_ID})
@ExecuteOn(TaskExecutors.BLOCKING)
class HandoffController {

    @Serdeable
    record NewAgent(@Nullable String id, @Nullable String displayName, @Nullable String password,
                    @Nullable String role, @Nullable List<String> skills, @Nullable List<String> languages,
                    @Nullable Integer capacity) {
    }

    private final HandoffStats stats;
    private final AgentAccounts accounts;
    private final CurrentAgent current;

    HandoffController(HandoffStats stats, AgentAccounts accounts, CurrentAgent current) {
        this.stats = stats;
        this.accounts = accounts;
        this.current = current;
    }

    /** @param hours the window of the rates and waiting times (default 24) */
    @Get("/stats")
    HandoffStats.Stats stats(@QueryValue(defaultValue = "24") int hours, Authentication authentication) {
        current.of(authentication);
        if (hours < 1 || hours > 24 * 90) {
            throw ApiException.badRequest("invalid_parameter", "hours is 1 to 2160");
        }
        return stats.over(Duration.ofHours(hours));
    }

    @Get("/agents")
    List<AgentViews.AgentView> agents(Authentication authentication) {
        current.supervisor(authentication);
        return accounts.all().stream().map(AgentViews.AgentView::of).toList();
    }

    @Post("/agents")
    HttpResponse<AgentViews.AgentView> create(@Body NewAgent body, Authentication authentication) {
        current.supervisor(authentication);
        AgentRole role;
        try {
            role = body.role() == null ? AgentRole.AGENT : AgentRole.fromId(body.role());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_role", "role is agent or supervisor");
        }
        Agent agent = accounts.create(body.id(), body.displayName(), body.password(), role,
                body.skills() == null ? List.of() : body.skills(),
                body.languages() == null ? List.of("en") : body.languages(),
                body.capacity() == null ? 3 : body.capacity());
        return HttpResponse.created(AgentViews.AgentView.of(agent));
    }
}
