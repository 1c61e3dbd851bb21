package dev.parley.handoff;

import dev.parley.conversation.ConversationService;
import dev.parley.storage.UtcColumns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hand-off's figures over a window: queue length now; waiting time (enqueued until an agent took it, or until
 * now while still waiting) and time to the agent's first answer, as p50 / p95; hand-off rate (conversations opened
 * in the window that went to the queue) and containment rate (those no person had to answer); each agent's load.
 */
@Singleton
public class HandoffStats {

    @Serdeable
    public record AgentLoad(String agentId, String displayName, boolean online, int active, int capacity,
                            double load) {
    }

    @Serdeable
    public record Stats(Instant since, int queueLength, int assigned, int escalations, @Nullable Long waitP50Seconds,
                        @Nullable Long waitP95Seconds, @Nullable Long firstReplyP50Seconds,
                        @Nullable Long firstReplyP95Seconds, long conversations, double handoffRate,
                        double containmentRate, List<AgentLoad> agents) {
    }

    private final HandoffQueue queue;
    private final AgentRepository agents;
    private final ConversationService conversations;

    HandoffStats(HandoffQueue queue, AgentRepository agents, ConversationService conversations) {
        this.queue = queue;
        this.agents = agents;
        this.conversations = conversations;
    }

    public Stats over(Duration window) {
        Instant now = UtcColumns.now();
        Instant since = now.minus(window);
        List<Escalation> escalations = queue.enqueuedSince(since);
        long[] waits = escalations.stream().mapToLong(e -> e.waited(now).toSeconds()).sorted().toArray();
        long[] firstReplies = escalations.stream().filter(e -> e.assignedAt() != null && e.firstReplyAt() != null)
                .mapToLong(e -> Duration.between(e.assignedAt(), e.firstReplyAt()).toSeconds()).sorted().toArray();
        Set<String> handedOff = new HashSet<>();
        Set<String> answeredByPerson = new HashSet<>();
        for (Escalation escalation : escalations) {
            handedOff.add(escalation.conversationId());
            if (escalation.assignedAt() != null) {
                answeredByPerson.add(escalation.conversationId());
            }
        }
        long opened = conversations.countOpenedSince(since);
        List<AgentLoad> loads = agents.all().stream().map(agent -> new AgentLoad(agent.id(), agent.displayName(),
                agent.online(), agent.activeCount(), agent.capacity(), agent.capacity() == 0 ? 0
                : round((double) agent.activeCount() / agent.capacity()))).toList();
        return new Stats(since, queue.countWaiting(), queue.assigned().size(), escalations.size(),
                percentile(waits, 50), percentile(waits, 95), percentile(firstReplies, 50),
                percentile(firstReplies, 95), opened, rate(handedOff.size(), opened),
                opened == 0 ? 1.0 : round(1 - rate(answeredByPerson.size(), opened)), loads);
    }

    /** Nearest-rank percentile of sorted values; null when there are none. */
    static Long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Hand-offs of conversations opened before the window can outnumber those opened in it: capped at 1. */
    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : round(Math.min(1.0, (double) part / whole));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
