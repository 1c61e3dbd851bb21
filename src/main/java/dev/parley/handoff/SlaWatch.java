package dev.parley.handoff;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationService;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The hand-off's clocks, checked periodically: conversations marked as needing a person but not queued yet (a
 * queueing lost to a crash) are queued; agents silent for {@code parley.handoff.sla.offline-after} go offline and
 * their conversations return to the queue; so does a conversation whose shopper has waited
 * {@code parley.handoff.sla.answer-timeout} for the agent's answer.
 */
@Singleton
@Requires(property = "parley.handoff.auto-queue", notEquals = "false")
class SlaWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);
    private static final int BATCH = 100;

    private final ConversationService conversations;
    private final Escalator escalator;
    private final HandoffQueue queue;
    private final AgentRepository agents;
    private final AgentPresence presence;
    private final SlaSettings settings;

    SlaWatch(ConversationService conversations, Escalator escalator, HandoffQueue queue, AgentRepository agents,
             AgentPresence presence, SlaSettings settings) {
        this.conversations = conversations;
        this.escalator = escalator;
        this.queue = queue;
        this.agents = agents;
        this.presence = presence;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${parley.handoff.sla.check-interval:15s}", initialDelay = "10s")
    void check() {
        try {
            run(UtcColumns.now());
        } catch (RuntimeException e) {
            LOG.warn("Hand-off SLA check failed", e);
        }
    }

    /** One pass of every clock. */
    void run(Instant now) {
        for (Conversation marked : conversations.findAwaitingHandoff(BATCH)) {
            escalator.escalate(marked.id());
        }
        for (Agent silent : agents.silentSince(now.minus(settings.offlineAfter()))) {
            agents.seen(silent.id(), false, silent.lastSeenAt() == null ? now : silent.lastSeenAt());
            presence.forget(silent.id());
            for (Escalation held : queue.assignedTo(silent.id())) {
                escalator.requeue(held, held.skill(), null, "agent_offline");
            }
        }
        for (Escalation unanswered : queue.unansweredSince(now.minus(settings.answerTimeout()))) {
            escalator.requeue(unanswered, unanswered.skill(), null, "agent_no_answer");
        }
    }
}
