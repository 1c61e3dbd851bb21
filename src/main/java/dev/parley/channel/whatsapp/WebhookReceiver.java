package dev.parley.channel.whatsapp;

import dev.parley.channel.whatsapp.OutboxEntry.State;
import dev.parley.conversation.AcceptedMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One webhook POST, from raw bytes to durable rows: signature, shape and numbers are checked first (any problem is
 * a 4xx and nothing is stored), then every message is stored (a redelivered wamid finds its stored message) and
 * its turn queued, and status reports move our messages' delivery status forward. When this returns, everything
 * the POST carried is in the database, so the 200 that follows may let WhatsApp forget it.
 */
@Singleton
class WebhookReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /** What one POST brought: new messages, redelivered ones, status reports applied, items skipped. */
    @Serdeable
    record Receipt(int stored, int duplicates, int statuses, int skipped) {
    }

    private final WhatsAppNumbers numbers;
    private final InboundTranslator translator;
    private final ConversationService conversations;
    private final ConversationWindow window;
    private final WhatsAppTurns turns;
    private final WhatsAppOutbox outbox;

    WebhookReceiver(WhatsAppNumbers numbers, InboundTranslator translator, ConversationService conversations,
                    ConversationWindow window, WhatsAppTurns turns, WhatsAppOutbox outbox) {
        this.numbers = numbers;
        this.translator = translator;
        this.conversations = conversations;
        this.window = window;
        this.turns = turns;
        this.outbox = outbox;
    }

    Receipt receive(@Nullable byte[] body, @Nullable String signature) {
        byte[] bytes = body == null ? new byte[0] : body;
        String signer = WebhookSignature.signer(bytes, signature, numbers.all()).orElseThrow(() -> {
            LOG.warn("WhatsApp webhook rejected: {} signature", signature == null ? "missing" : "bad");
            return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature",
                    "X-Hub-Signature-256 does not match the body");
        });
        WebhookDelivery delivery;
        try {
            delivery = WebhookParser.parse(bytes);
        } catch (ApiException e) {
            LOG.warn("WhatsApp webhook rejected: {}", e.toError().error());
            throw e;
        }
        for (String id : delivery.phoneNumberIds()) {
            Optional<WhatsAppNumber> number = numbers.find(id);
            if (number.isEmpty()) {
                LOG.warn("WhatsApp webhook rejected: phone_number_id {} is not one of ours", id);
                throw ApiException.notFound("unknown_phone_number", "phone_number_id " + id + " is not configured");
            }
            if (!number.get().appSecret().equals(signer)) {
                LOG.warn("WhatsApp webhook rejected: signed by another app than number {}'s", id);
                throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature",
                        "the signature is not from the app of phone_number_id " + id);
            }
        }
        List<Item> items = new ArrayList<>();
        for (WebhookDelivery.Message message : delivery.messages()) {
            String locale = numbers.find(message.phoneNumberId()).map(WhatsAppNumber::locale).orElse(null);
            items.add(new Item(message, translator.translate(message, locale)));
        }
        int stored = 0;
        int duplicates = 0;
        int skipped = 0;
        for (Item item : items) {
            if (item.inbound().isEmpty()) {
                skipped++;
                LOG.info("WhatsApp message {} of type {} skipped: nothing to answer", item.message().wamid(),
                        item.message().type());
                continue;
            }
            InboundTranslator.Translated inbound = item.inbound().get();
            AcceptedMessage accepted = inbound.answered() ? conversations.accept(inbound.message())
                    : conversations.acceptUnanswered(inbound.message());
            window.shopperWrote(item.message().address(), item.message().timestamp());
            if (accepted.duplicate()) {
                duplicates++;
            } else {
                stored++;
            }
            if (!accepted.message().processed()) {
                turns.submit(accepted.message());
            }
        }
        int statuses = 0;
        for (WebhookDelivery.Status status : delivery.statuses()) {
            statuses += apply(status) ? 1 : 0;
        }
        LOG.info("WhatsApp webhook: {} stored, {} redelivered, {} skipped, {} of {} statuses applied", stored,
                duplicates, skipped, statuses, delivery.statuses().size());
        return new Receipt(stored, duplicates, statuses, skipped);
    }

    private record Item(WebhookDelivery.Message message, Optional<InboundTranslator.Translated> inbound) {
    }

    /** Moves the message's delivery status forward (never back); a failure that counts also keeps WhatsApp's error. */
    private boolean apply(WebhookDelivery.Status status) {
        DeliveryStatus target = DeliveryStatus.fromId(status.status());
        if (!conversations.updateDeliveryStatus(Channel.WHATSAPP, status.wamid(), target)) {
            return false;
        }
        if (target == DeliveryStatus.FAILED) {
            outbox.findByWamid(status.wamid()).ifPresent(entry -> {
                outbox.failed(entry.messageId(), State.SENT, status.errorCode() == null ? "failed" : status.errorCode(),
                        status.errorTitle(), UtcColumns.now());
                LOG.warn("WhatsApp reports message {} failed: {}", entry.messageId(), status.errorCode());
            });
        }
        return true;
    }
}
