package dev.parley.handoff;

import dev.parley.storage.UtcColumns;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records that an agent is there (an API call, an open console socket), writing at most every
 * {@link #WRITE_EVERY} per agent: {@link SlaWatch} takes agents silent for longer than the offline limit offline.
 */
@Singleton
class AgentPresence {

    private static final Duration WRITE_EVERY = Duration.ofSeconds(20);

    private final AgentRepository agents;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    AgentPresence(AgentRepository agents) {
        this.agents = agents;
    }

    void seen(String agentId) {
        Instant now = UtcColumns.now();
        Instant last = written.get(agentId);
        if (last == null || last.plus(WRITE_EVERY).isBefore(now)) {
            written.put(agentId, now);
            agents.seen(agentId, true, now);
        }
    }

    /** The agent logged out or was taken offline: the next sign of life writes again. */
    void forget(String agentId) {
        written.remove(agentId);
    }
}
