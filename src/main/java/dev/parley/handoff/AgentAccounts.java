package dev.parley.handoff;

import dev.parley.storage.UtcColumns;
import dev.parley.web.ApiException;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Agent accounts: created by a supervisor (or the bootstrap admin from PARLEY_ADMIN_USER / PARLEY_ADMIN_PASSWORD),
 * passwords stored only as hashes, logins checked against them.
 */
@Singleton
public class AgentAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(AgentAccounts.class);
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 8;
    /** Compared against when the login is unknown, so an unknown name takes as long as a wrong password. */
    private final String decoy;

    private final AgentRepository agents;
    private final PasswordHasher hasher;
    private final AuthSettings settings;
    private final QueueSettings queue;

    AgentAccounts(AgentRepository agents, PasswordHasher hasher, AuthSettings settings, QueueSettings queue) {
        this.agents = agents;
        this.hasher = hasher;
        this.settings = settings;
        this.queue = queue;
        this.decoy = hasher.hash("not a password");
    }

    /** A new agent or supervisor. */
    public Agent create(String id, String displayName, String password, AgentRole role, List<String> skills,
                        List<String> languages, int capacity) {
        if (id == null || !LOGIN.matcher(id).matches()) {
            throw ApiException.badRequest("invalid_login", "a login is 2-64 lower-case letters, digits, . _ or -");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ApiException.badRequest("weak_password", "a password has at least " + MIN_PASSWORD + " characters");
        }
        if (capacity < 1 || capacity > 50) {
            throw ApiException.badRequest("invalid_capacity", "capacity is 1 to 50 conversations");
        }
        for (String skill : skills) {
            if (!skill.equals(Agent.ANY) && !queue.skills().contains(skill)) {
                throw ApiException.badRequest("unknown_skill", "skills are among " + queue.skills() + " or *");
            }
        }
        if (skills.isEmpty() || languages.isEmpty()) {
            throw ApiException.badRequest("missing_routing", "an agent needs at least one skill and one language");
        }
        if (agents.find(id).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "agent_exists", "there is already an agent " + id);
        }
        Agent agent = new Agent(id, displayName == null || displayName.isBlank() ? id : displayName.strip(), role,
                skills, languages, capacity, 0, false, null);
        agents.insert(agent, hasher.hash(password), UtcColumns.now());
        LOG.info("Agent {} created ({})", id, role.id());
        return agent;
    }

    /** The agent whose password this is; empty for a wrong login or password. */
    public Optional<Agent> authenticate(String id, String password) {
        if (id == null || password == null) {
            return Optional.empty();
        }
        Optional<String> hash = agents.passwordHash(id);
        boolean matches = hasher.matches(password, hash.orElse(decoy));
        return hash.isPresent() && matches ? agents.find(id) : Optional.empty();
    }

    public Optional<Agent> find(String id) {
        return agents.find(id);
    }

    public List<Agent> all() {
        return agents.all();
    }

    /** Creates the bootstrap supervisor, or makes its password the configured one again. */
    @EventListener
    void bootstrap(StartupEvent started) {
        String user = settings.adminUser();
        String password = settings.adminPassword();
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            return;
        }
        Optional<String> stored = agents.passwordHash(user);
        if (stored.isEmpty()) {
            create(user, "Administrator", password, AgentRole.SUPERVISOR, List.of(Agent.ANY), List.of(Agent.ANY), 10);
        } else if (!hasher.matches(password, stored.get())) {
            agents.setPasswordHash(user, hasher.hash(password));
            LOG.info("Bootstrap supervisor {}: password set from PARLEY_ADMIN_PASSWORD", user);
        }
    }
}
