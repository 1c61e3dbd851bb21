package dev.parley.handoff;

import dev.parley.conversation.ConversationEvent;
import dev.parley.conversation.ConversationListener;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.Direction;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * The hand-off's side of conversation events: a conversation marked as needing a person is queued (off the turn's
 * thread, after its replies went out); one that goes back to the bot or closes without us loses its open hand-off;
 * a shopper writing to an agent's conversation starts the no-answer clock. A queueing lost to a crash is picked up
 * by {@link SlaWatch}, which looks for marked bot conversations.
 */
@Singleton
class HandoffListener implements ConversationListener {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffListener.class);

    /** Looked up when needed: the escalator needs the conversation service, which needs its listeners. */
    private final Provider<Escalator> escalator;
    private final HandoffQueue queue;
    private final ExecutorService executor;
    private final boolean autoQueue;

    HandoffListener(Provider<Escalator> escalator, HandoffQueue queue, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                    @Value("${parley.handoff.auto-queue:true}") boolean autoQueue) {
        this.escalator = escalator;
        this.queue = queue;
        this.executor = executor;
        this.autoQueue = autoQueue;
    }

    @Override
    public void on(ConversationEvent event) {
        if (event instanceof ConversationEvent.NeedsHumanChanged marked) {
            if (autoQueue && marked.needsHuman() && marked.conversation().state() == ConversationState.BOT) {
                executor.execute(() -> escalate(marked.conversationId()));
            }
        } else if (event instanceof ConversationEvent.StateChanged changed) {
            if (changed.to() == ConversationState.BOT || changed.to() == ConversationState.CLOSED) {
                queue.findOpen(changed.conversationId()).ifPresent(open -> queue.close(open.id(),
                        EscalationStatus.CANCELLED, "conversation_" + changed.to().id(), UtcColumns.now()));
            }
        } else if (event instanceof ConversationEvent.MessageStored stored) {
            if (stored.message().direction() == Direction.INBOUND
                    && stored.conversation().state() == ConversationState.AGENT) {
                queue.shopperWrote(stored.conversationId(), stored.message().createdAt());
            }
        }
    }

    private void escalate(String conversationId) {
        try {
            escalator.get().escalate(conversationId);
        } catch (RuntimeException e) {
            LOG.warn("Queueing conversation {} failed; the SLA watch retries it", conversationId, e);
        }
    }
}
