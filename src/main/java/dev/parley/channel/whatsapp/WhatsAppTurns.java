package dev.parley.channel.whatsapp;

import dev.parley.cli.CommandLine;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the turns (NLU, dialogue, replies) of stored WhatsApp messages off the webhook's thread. A conversation's
 * messages always go to the same worker, so they are answered in the order they arrived; a message already waiting
 * is not queued twice. Every {@code parley.whatsapp.unfinished-scan-interval} (the first time that long after
 * start-up), messages stored longer than {@code unfinished-after} ago whose turn never ran, e.g. because the
 * service stopped in between, are queued again.
 */
@Singleton
@Requires(notEnv = CommandLine.CLI_ENVIRONMENT)
class WhatsAppTurns {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppTurns.class);
    private static final int SCAN_LIMIT = 1000;

    private final ConversationService conversations;
    private final WhatsAppSettings settings;
    private final ExecutorService[] workers;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    WhatsAppTurns(ConversationService conversations, WhatsAppSettings settings) {
        this.conversations = conversations;
        this.settings = settings;
        this.workers = new ExecutorService[Math.max(1, settings.turnWorkers())];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = Executors.newSingleThreadExecutor(WorkerThreads.named("whatsapp-turns-" + i));
        }
    }

    /** Queues the turn of a stored message (nothing happens if it is already waiting). */
    void submit(ConversationMessage message) {
        if (!waiting.add(message.id())) {
            return;
        }
        try {
            workers[Math.floorMod(message.conversationId().hashCode(), workers.length)].execute(() -> {
                try {
                    conversations.completeTurn(message.id());
                } catch (RuntimeException e) {
                    // left unprocessed: the next scan queues it again
                    LOG.warn("Turn of WhatsApp message {} failed", message.id(), e);
                } finally {
                    waiting.remove(message.id());
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.remove(message.id()); // shutting down: stored, so the next start's scan answers it
        }
    }

    @Scheduled(fixedDelay = "${parley.whatsapp.unfinished-scan-interval:1m}",
            initialDelay = "${parley.whatsapp.unfinished-scan-interval:1m}")
    void resumeUnfinished() {
        var unfinished = conversations.unfinishedTurns(Channel.WHATSAPP,
                UtcColumns.now().minus(settings.unfinishedAfter()), SCAN_LIMIT);
        if (!unfinished.isEmpty()) {
            LOG.info("Resuming {} WhatsApp turns that did not run", unfinished.size());
            unfinished.forEach(this::submit);
        }
    }

    @PreDestroy
    void stop() {
        for (ExecutorService worker : workers) {
            worker.shutdownNow();
        }
    }
}
