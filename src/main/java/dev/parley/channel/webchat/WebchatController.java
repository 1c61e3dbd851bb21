package dev.parley.channel.webchat;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationStart;
import dev.parley.conversation.MessagePage;
import dev.parley.conversation.OpenConversation;
import dev.parley.conversation.TurnOutcome;
import dev.parley.message.Channel;
import dev.parley.message.InboundMessage;
import dev.parley.web.ApiError;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The web chat REST API. Bodies are read as raw bytes and checked by {@link WebchatRequests}, so bad input is a
 * 400 with a precise code; an unknown session is 404, too many messages 429; nothing is stored for a rejected
 * request.
 */
@Controller("/api/webchat/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebchatController {

    static final int MAX_PAGE = 100;

    private final ConversationService conversations;
    private final WebchatRequests requests;
    private final SessionRateLimiter rateLimiter;

    WebchatController(ConversationService conversations, WebchatRequests requests, SessionRateLimiter rateLimiter) {
        this.conversations = conversations;
        this.requests = requests;
        this.rateLimiter = rateLimiter;
    }

    /** Starts a session (a new conversation) for the visitor, and stores the greeting. */
    @Post
    @Consumes(MediaType.ALL)
    HttpResponse<WebchatViews.SessionStarted> start(@Nullable @Body byte[] body) {
        WebchatRequests.StartSession request = requests.startSession(body);
        String visitorId = request.visitorId() != null ? request.visitorId() : UUID.randomUUID().toString();
        ConversationStart started = conversations.start(new OpenConversation(Channel.WEBCHAT, visitorId, null,
                request.locale(), request.customerId(), request.name()));
        return HttpResponse.created(new WebchatViews.SessionStarted(started.conversation().id(), visitorId,
                MessageView.of(started.greeting())));
    }

    /** Sends the shopper's message; answers with it as stored and the bot's replies (none while a person has it). */
    @Post("/{sessionId}/messages")
    @Consumes(MediaType.ALL)
    @ExecuteOn("turns")
    HttpResponse<?> send(String sessionId, @Nullable @Body byte[] body) {
        WebchatRequests.SendMessage request = requests.sendMessage(body);
        Conversation session = session(sessionId);
        try {
            // a retry of a stored message gets its stored outcome, not another turn, and does not count
            TurnOutcome outcome = conversations.receive(new InboundMessage(Channel.WEBCHAT, session.channelUserId(),
                    session.id(), request.clientMessageId(), request.text(), request.payload(), session.locale(), null,
                    Instant.now(), Map.of()), () -> rateLimiter.tryAcquire(session.id())
                    .ifPresent(seconds -> {
                        throw new RateLimited(seconds);
                    }));
            return HttpResponse.ok(view(outcome));
        } catch (RateLimited limited) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.seconds))
                    .body(ApiError.of("rate_limited", "Too many messages; try again in " + limited.seconds + " s"));
        }
    }

    /** The session's messages with seq above {@code after}, ascending, at most {@code limit} (1 to 100). */
    @Get("/{sessionId}/messages")
    WebchatViews.HistoryView history(String sessionId, @QueryValue(defaultValue = "0") long after,
                                     @QueryValue(defaultValue = "50") int limit) {
        if (after < 0) {
            throw ApiException.badRequest("invalid_after", "after must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_PAGE);
        }
        MessagePage page = conversations.messages(session(sessionId).id(), after, limit);
        return new WebchatViews.HistoryView(views(page.messages()), page.hasMore());
    }

    /** The session's allowance is used up for {@code seconds}. */
    private static final class RateLimited extends RuntimeException {
        private final long seconds;

        RateLimited(long seconds) {
            super(null, null, false, false);
            this.seconds = seconds;
        }
    }

    private Conversation session(String sessionId) {
        return conversations.findBySession(Channel.WEBCHAT, sessionId)
                .orElseThrow(() -> ApiException.notFound("unknown_session", "no web chat session " + sessionId));
    }

    private static WebchatViews.TurnView view(TurnOutcome outcome) {
        return new WebchatViews.TurnView(MessageView.of(outcome.message()), views(outcome.replies()));
    }

    private static List<MessageView> views(List<ConversationMessage> messages) {
        return messages.stream().map(MessageView::of).toList();
    }
}
