package dev.parley.handoff;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/**
 * The expected wait of a queued conversation: the conversations ahead of it (and itself) times the minutes a
 * conversation of that skill took recently (median of the last resolved ones, or the configured default), shared
 * among the free places of the online agents who serve that queue.
 */
@Singleton
class WaitEstimate {

    private static final int HANDLE_SAMPLE = 25;

    private final HandoffQueue queue;
    private final AgentRepository agents;
    private final QueueSettings settings;
    private final SlaSettings sla;

    WaitEstimate(HandoffQueue queue, AgentRepository agents, QueueSettings settings, SlaSettings sla) {
        this.queue = queue;
        this.agents = agents;
        this.settings = settings;
        this.sla = sla;
    }

    /** Agents online now who could take from this queue. */
    List<Agent> eligibleOnline(Escalation escalation, Instant now) {
        return agents.onlineSince(now.minus(sla.offlineAfter())).stream()
                .filter(agent -> agent.serves(escalation.skill(), escalation.language())).toList();
    }

    /** Whole minutes, at least 1. */
    int minutes(Escalation escalation, int position, List<Agent> online) {
        int places = Math.max(1, online.stream().mapToInt(Agent::capacity).sum());
        double perConversation = median(queue.recentHandleMinutes(escalation.skill(), HANDLE_SAMPLE));
        return (int) Math.max(1, Math.ceil(position * perConversation / places));
    }

    private double median(List<Double> minutes) {
        if (minutes.isEmpty()) {
            return settings.defaultHandleMinutes();
        }
        List<Double> sorted = minutes.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
