package dev.parley.channel.whatsapp;

import dev.parley.channel.whatsapp.OutboxEntry.State;
import dev.parley.cli.CommandLine;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the outbox through the Graph API. Each round starts the oldest unsent message of every conversation whose
 * previous message is settled (so a conversation's messages go out in order, one after the other, and different
 * conversations in parallel); a send claims it, renders it (free-form inside the 24-hour window, else the
 * configured template), and records the outcome: sent with its wamid; back to pending with a doubling back-off on
 * 429 and 5xx; failed, with the error, when it was refused, the attempts ran out, or the call's outcome is unknown
 * (never retried: that could send it twice).
 * Runs when a message is queued and on a timer (retries that came due, messages queued by another instance).
 */
@Singleton
@Requires(notEnv = CommandLine.CLI_ENVIRONMENT)
class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int ROUND_LIMIT = 500;

    private final WhatsAppOutbox outbox;
    private final WhatsAppNumbers numbers;
    private final ConversationWindow window;
    private final WhatsAppRenderer renderer;
    private final GraphApi graph;
    private final ConversationService conversations;
    private final WhatsAppSettings settings;
    private final ExecutorService rounds = Executors.newSingleThreadExecutor(WorkerThreads.named("whatsapp-outbox"));
    private final ExecutorService calls;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    OutboxDispatcher(WhatsAppOutbox outbox, WhatsAppNumbers numbers, ConversationWindow window,
                     WhatsAppRenderer renderer, GraphApi graph, ConversationService conversations,
                     WhatsAppSettings settings) {
        this.outbox = outbox;
        this.numbers = numbers;
        this.window = window;
        this.renderer = renderer;
        this.graph = graph;
        this.conversations = conversations;
        this.settings = settings;
        this.calls = Executors.newFixedThreadPool(Math.max(1, settings.sendConcurrency()),
                WorkerThreads.named("whatsapp-send"));
    }

    @EventListener
    void onQueued(WhatsAppSender.Queued queued) {
        wake();
    }

    @Scheduled(fixedDelay = "${parley.whatsapp.outbox-poll-interval:1s}", initialDelay = "1s")
    void poll() {
        wake();
    }

    /** Starts a round unless one is running; a running one then goes round once more. */
    void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            rounds.execute(this::drain);
        }
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
        calls.shutdownNow();
    }

    private void drain() {
        try {
            while (again.getAndSet(false) | round()) {
                // until a round finds nothing due and nobody woke us meanwhile
            }
        } catch (RuntimeException e) {
            LOG.warn("WhatsApp outbox round failed", e);
        } finally {
            running.set(false);
        }
        if (again.get()) {
            wake();
        }
    }

    /**
     * Starts the sends that are due, one per conversation; a send in flight keeps its conversation's later messages
     * waiting (its row is {@code sending}) and wakes the dispatcher when it is settled.
     *
     * @return whether a send was started
     */
    private boolean round() {
        Instant now = UtcColumns.now();
        Set<String> conversationsSeen = new HashSet<>();
        boolean started = false;
        for (OutboxEntry entry : outbox.unsettled(ROUND_LIMIT)) {
            if (!conversationsSeen.add(entry.conversationId()) || inFlight.contains(entry.messageId())) {
                continue; // an earlier message of this conversation goes first
            }
            if (entry.state() == State.SENDING && entry.updatedAt().isBefore(now.minus(staleAfter()))) {
                fail(entry, State.SENDING, "interrupted", "the service stopped during the call; not sent again");
            } else if (entry.state() == State.PENDING && !entry.nextAttemptAt().isAfter(now)
                    && inFlight.add(entry.messageId())) {
                started |= start(entry);
            }
        }
        return started;
    }

    private boolean start(OutboxEntry entry) {
        try {
            calls.execute(() -> {
                try {
                    send(entry);
                } catch (RuntimeException e) {
                    LOG.warn("Sending WhatsApp message {} failed before the call", entry.messageId(), e);
                } finally {
                    inFlight.remove(entry.messageId());
                    wake();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(entry.messageId()); // shutting down: still pending, sent after the next start
            return false;
        }
    }

    private boolean send(OutboxEntry entry) {
        Instant now = UtcColumns.now();
        if (!outbox.claim(entry.messageId(), now)) {
            return false;
        }
        try {
            return sendClaimed(entry, now);
        } catch (RuntimeException e) {
            // settled as failed unless the call went through before the error (then the row is no longer sending)
            LOG.warn("Sending WhatsApp message {} broke", entry.messageId(), e);
            fail(entry, State.SENDING, "internal_error", e.getClass().getSimpleName());
            return true;
        }
    }

    private boolean sendClaimed(OutboxEntry entry, Instant now) {
        int attempt = entry.attempts() + 1;
        Optional<ConversationMessage> message = conversations.message(entry.messageId());
        Optional<WhatsAppNumber> number = numbers.find(entry.phoneNumberId());
        if (message.isEmpty() || number.isEmpty()) {
            fail(entry, State.SENDING, "not_sendable", message.isEmpty() ? "the message is gone"
                    : "number " + entry.phoneNumberId() + " is not configured");
            return true;
        }
        Optional<WhatsAppRenderer.Rendered> rendered = window.isOpen(entry.address(), now)
                ? Optional.of(renderer.render(message.get(), entry.recipient(), number.get()))
                : renderer.template(message.get(), entry.recipient(), number.get());
        if (rendered.isEmpty()) {
            fail(entry, State.SENDING, "window_closed", "the 24-hour window has closed and no template is"
                    + " configured for " + message.get().author().id() + " messages");
            return true;
        }
        GraphApi.Outcome outcome = graph.send(number.get(), rendered.get().json());
        if (outcome instanceof GraphApi.Accepted accepted) {
            if (outbox.sent(entry.messageId(), accepted.wamid(), rendered.get().kind(), UtcColumns.now())) {
                conversations.recordDelivery(entry.messageId(), new Delivery(DeliveryStatus.SENT, accepted.wamid()));
            }
            LOG.debug("WhatsApp message {} sent as {}", entry.messageId(), rendered.get().kind());
        } else if (outcome instanceof GraphApi.Retry retry && attempt < settings.maxAttempts()) {
            Duration wait = backoff(attempt, retry.retryAfter());
            outbox.retryAt(entry.messageId(), UtcColumns.now().plus(wait), retry.code(), retry.title(),
                    UtcColumns.now());
            LOG.info("WhatsApp message {}: attempt {} not sent ({}), next in {} ms", entry.messageId(), attempt,
                    retry.code(), wait.toMillis());
        } else if (outcome instanceof GraphApi.Retry retry) {
            fail(entry, State.SENDING, retry.code(), retry.title() + " (gave up after " + attempt + " attempts)");
        } else if (outcome instanceof GraphApi.Rejected rejected) {
            fail(entry, State.SENDING, rejected.code(), rejected.title());
        } else if (outcome instanceof GraphApi.Unknown unknown) {
            fail(entry, State.SENDING, "unknown_outcome", unknown.title() + "; not sent again");
        }
        return true;
    }

    private void fail(OutboxEntry entry, State from, String code, String title) {
        if (outbox.failed(entry.messageId(), from, code, title, UtcColumns.now())) {
            conversations.recordDelivery(entry.messageId(), Delivery.of(DeliveryStatus.FAILED));
            LOG.warn("WhatsApp message {} of conversation {} failed: {}", entry.messageId(), entry.conversationId(),
                    code);
        }
    }

    /** The wait after {@code attempt} failed attempts: the back-off doubling, or what the API asked for if longer. */
    private Duration backoff(int attempt, Duration retryAfter) {
        Duration doubled = settings.retryBackoff().multipliedBy(1L << Math.min(20, attempt - 1));
        Duration wait = retryAfter != null && retryAfter.compareTo(doubled) > 0 ? retryAfter : doubled;
        return wait.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : wait;
    }

    /** A call claimed this long ago without an outcome was cut short by a stop of the service. */
    private Duration staleAfter() {
        return settings.graphTimeout().multipliedBy(3);
    }
}
