package dev.parley.handoff;

import dev.parley.message.Channel;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One hand-off of a conversation to a person.
 *
 * @param reasons       as the escalation policy recorded them
 * @param priority      from the most severe reason and the shopper's value; it ages while waiting
 * @param targetAgentId set by a transfer to one agent: only they can take it
 * @param enqueuedAt    when the conversation first entered the queue (the waiting-time clock)
 * @param waitingSince  when it last (re-)entered the queue
 * @param firstReplyAt  the agent's first answer (time to first reply)
 */
public record Escalation(String id, String conversationId, String shopperId, Channel channel, String skill,
                         String language, String reasons, int priority, EscalationStatus status,
                         @Nullable String targetAgentId, @Nullable String agentId, Instant enqueuedAt,
                         Instant waitingSince, @Nullable Instant assignedAt, @Nullable Instant firstReplyAt,
                         @Nullable Instant closedAt, @Nullable String disposition, int requeueCount) {

    public List<EscalationReason> reasonList() {
        return EscalationReason.parse(reasons);
    }

    /** How long the shopper waited for an agent: until assigned, or until now while waiting. */
    public Duration waited(Instant now) {
        return Duration.between(enqueuedAt, assignedAt != null ? assignedAt : closedAt != null ? closedAt : now);
    }
}
