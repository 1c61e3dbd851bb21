package dev.parley.handoff;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A person who answers shoppers.
 *
 * @param id          the login name
 * @param skills      the queues served ({@code *}: all)
 * @param languages   the languages spoken ({@code *}: all)
 * @param capacity    conversations held at once at most
 * @param activeCount conversations held now
 */
public record Agent(String id, String displayName, AgentRole role, List<String> skills, List<String> languages,
                    int capacity, int activeCount, boolean online, @Nullable Instant lastSeenAt) {

    public static final String ANY = "*";

    public Agent {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
    }

    public boolean serves(String skill, String language) {
        return (skills.contains(ANY) || skills.contains(skill)) && (languages.contains(ANY)
                || languages.contains(language));
    }

    public boolean isSupervisor() {
        return role == AgentRole.SUPERVISOR;
    }
}
