package dev.parley.handoff;

import dev.parley.handoff.AgentViews.ConversationDetail;
import dev.parley.handoff.AgentViews.MessageLine;
import dev.parley.handoff.AgentViews.QueueItem;
import dev.parley.handoff.AgentViews.QueueOverview;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The agent API (bearer token of an agent or supervisor): queue overview, take next, a conversation with its
 * transcript and the shopper's context, reply, canned responses, notes, typing, transfer, return to bot, resolve.
 * Only translates HTTP: {@link AgentDesk} does the work and checks who may do what.
 */
@Controller("/api/agent")
@Secured({AgentRole.AGENT_ID, AgentRole.SUPERVISOR_ID})
@ExecuteOn(TaskExecutors.BLOCKING)
class AgentController {

    @Serdeable
    record TextBody(@Nullable String text) {
    }

    @Serdeable
    record TypingBody(boolean on) {
    }

    @Serdeable
    record TransferBody(@Nullable String skill, @Nullable String agentId, @Nullable String note) {
    }

    @Serdeable
    record ResolveBody(@Nullable String disposition) {
    }

    private final AgentDesk desk;
    private final CurrentAgent current;

    AgentController(AgentDesk desk, CurrentAgent current) {
        this.desk = desk;
        this.current = current;
    }

    @Get("/me")
    AgentViews.AgentView me(Authentication authentication) {
        return AgentViews.AgentView.of(current.of(authentication));
    }

    @Get("/queue")
    QueueOverview queue(Authentication authentication) {
        return desk.overview(current.of(authentication));
    }

    /** 200 with the conversation taken, 204 when nothing waits for this agent, 409 at capacity. */
    @Post("/queue/take")
    HttpResponse<QueueItem> takeNext(Authentication authentication) {
        return desk.takeNext(current.of(authentication)).map(HttpResponse::ok)
                .orElseGet(HttpResponse::noContent);
    }

    @Get("/conversations/{id}")
    ConversationDetail conversation(String id, Authentication authentication) {
        return desk.conversation(current.of(authentication), id);
    }

    @Post("/conversations/{id}/messages")
    MessageLine reply(String id, @Body TextBody body, Authentication authentication) {
        return desk.reply(current.of(authentication), id, body.text());
    }

    @Get("/conversations/{id}/canned-responses")
    List<CannedResponses.Filled> canned(String id, Authentication authentication) {
        return desk.canned(current.of(authentication), id);
    }

    @Post("/conversations/{id}/notes")
    Note note(String id, @Body TextBody body, Authentication authentication) {
        return desk.note(current.of(authentication), id, body.text());
    }

    @Post("/conversations/{id}/typing")
    HttpResponse<Void> typing(String id, @Body TypingBody body, Authentication authentication) {
        desk.typing(current.of(authentication), id, body.on());
        return HttpResponse.noContent();
    }

    @Post("/conversations/{id}/transfer")
    QueueItem transfer(String id, @Body TransferBody body, Authentication authentication) {
        return desk.transfer(current.of(authentication), id, blankToNull(body.skill()), blankToNull(body.agentId()),
                body.note());
    }

    @Post("/conversations/{id}/return-to-bot")
    HttpResponse<Void> returnToBot(String id, Authentication authentication) {
        desk.returnToBot(current.of(authentication), id);
        return HttpResponse.noContent();
    }

    @Post("/conversations/{id}/resolve")
    HttpResponse<Void> resolve(String id, @Body @Nullable ResolveBody body, Authentication authentication) {
        desk.resolve(current.of(authentication), id, body == null ? null : body.disposition());
        return HttpResponse.noContent();
    }

    private static String blankToNull(String value) {
        if (value != null && value.length() > 64) {
            throw ApiException.badRequest("invalid_parameter", "names are at most 64 characters");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
