package dev.parley.handoff;

import dev.parley.web.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Who may see and act on a conversation. A supervisor: all. An agent: the conversations assigned to them, waiting
 * in a queue they serve (or transferred to them), or that they handled last. Acting (replying, transferring,
 * returning, resolving) needs the conversation assigned to oneself; a supervisor may also transfer, return and
 * resolve any open one.
 */
@Singleton
class ConversationAccess {

    private final HandoffQueue queue;

    ConversationAccess(HandoffQueue queue) {
        this.queue = queue;
    }

    /** The conversation's latest hand-off, if the agent may see the conversation; 403 otherwise. */
    Optional<Escalation> readable(Agent agent, String conversationId) {
        Optional<Escalation> latest = queue.findLatest(conversationId);
        if (agent.isSupervisor()) {
            return latest;
        }
        Escalation escalation = latest.orElseThrow(() -> forbidden(conversationId));
        boolean routed = escalation.status() == EscalationStatus.WAITING && (agent.id().equals(
                escalation.targetAgentId()) || (escalation.targetAgentId() == null
                && agent.serves(escalation.skill(), escalation.language())));
        if (routed || agent.id().equals(escalation.agentId())) {
            return latest;
        }
        throw forbidden(conversationId);
    }

    /** The open hand-off assigned to this agent; 403 when it is someone else's, 409 when none is assigned. */
    Escalation assignedTo(Agent agent, String conversationId) {
        Escalation open = open(agent, conversationId);
        if (open.status() != EscalationStatus.ASSIGNED || !agent.id().equals(open.agentId())) {
            throw agent.isSupervisor() || agent.id().equals(open.targetAgentId()) ? notAssigned(conversationId)
                    : forbidden(conversationId);
        }
        return open;
    }

    /** The open hand-off, for an agent who holds it or a supervisor. */
    Escalation manageable(Agent agent, String conversationId) {
        Escalation open = open(agent, conversationId);
        if (agent.isSupervisor() || agent.id().equals(open.agentId())) {
            return open;
        }
        throw forbidden(conversationId);
    }

    private Escalation open(Agent agent, String conversationId) {
        readable(agent, conversationId);
        return queue.findOpen(conversationId).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "not_handed_off", "conversation " + conversationId + " is not with the hand-off"));
    }

    private static ApiException notAssigned(String conversationId) {
        return new ApiException(HttpStatus.CONFLICT, "not_assigned", "take conversation " + conversationId
                + " before answering it");
    }

    private static ApiException forbidden(String conversationId) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "conversation " + conversationId
                + " is not routed or assigned to you");
    }
}
