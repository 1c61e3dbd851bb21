package dev.parley.handoff;

import java.util.Locale;

/** What an agent may see: an agent their own conversations and their queues, a supervisor everything. */
public enum AgentRole {
    AGENT, SUPERVISOR;

    public static final String AGENT_ID = "agent";
    public static final String SUPERVISOR_ID = "supervisor";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentRole fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
