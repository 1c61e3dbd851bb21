package dev.parley.channel.whatsapp;

import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * WhatsApp Cloud API webhooks: the subscription check (GET) and deliveries (POST, body read as raw bytes for the
 * signature), plus how one of our outbound messages fared (sent, retried, failed and why).
 */
@Controller("/api/whatsapp")
@ExecuteOn(TaskExecutors.BLOCKING)
class WhatsAppWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final WhatsAppNumbers numbers;
    private final WebhookReceiver receiver;
    private final WhatsAppOutbox outbox;
    private final ConversationService conversations;

    WhatsAppWebhookController(WhatsAppNumbers numbers, WebhookReceiver receiver, WhatsAppOutbox outbox,
                              ConversationService conversations) {
        this.numbers = numbers;
        this.receiver = receiver;
        this.outbox = outbox;
        this.conversations = conversations;
    }

    /** Meta's subscription check: echo the challenge when the verify token is one of ours. */
    @Get(value = "/webhook", produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> verify(@Nullable @QueryValue("hub.mode") String mode,
                                @Nullable @QueryValue("hub.verify_token") String token,
                                @Nullable @QueryValue("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || token == null || !numbers.isVerifyToken(token)) {
            LOG.warn("WhatsApp webhook verification refused");
            throw new ApiException(HttpStatus.FORBIDDEN, "verification_failed",
                    "hub.mode must be subscribe and hub.verify_token a configured verify token");
        }
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw ApiException.badRequest("invalid_challenge", "hub.challenge is missing or malformed");
        }
        return HttpResponse.ok(challenge);
    }

    /** A delivery: acknowledged once every message in it is stored; answers follow asynchronously. */
    @Post("/webhook")
    @Consumes(MediaType.ALL)
    WebhookReceiver.Receipt receive(@Nullable @Body byte[] body,
                                    @Nullable @Header("X-Hub-Signature-256") String signature) {
        return receiver.receive(body, signature);
    }

    /** How an outbound message fared on WhatsApp. Ids and codes only: no text, no phone number. */
    @Serdeable
    record DeliveryView(String messageId, String conversationId, String deliveryStatus, String outboxState,
                        int attempts, @Nullable String sentAs, @Nullable String errorCode,
                        @Nullable String errorTitle, Instant updatedAt) {
    }

    @Get("/messages/{messageId}/delivery")
    DeliveryView delivery(String messageId) {
        OutboxEntry entry = outbox.find(messageId).orElseThrow(() -> ApiException.notFound("unknown_message",
                "no WhatsApp message " + messageId));
        String status = conversations.message(messageId).map(ConversationMessage::deliveryStatus)
                .map(s -> s.id()).orElse("unknown");
        return new DeliveryView(entry.messageId(), entry.conversationId(), status, entry.state().id(),
                entry.attempts(), entry.sentAs(), entry.errorCode(), entry.errorTitle(), entry.updatedAt());
    }
}
