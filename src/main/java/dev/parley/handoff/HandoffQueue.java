package dev.parley.handoff;

import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hand-off queue in the database (handoff_escalations). Every change of owner happens in one transaction that
 * holds the agent's row lock (capacity) and the escalation's row lock (one owner), in that order for claims and the
 * escalation's first for releases; a claim never waits for an escalation row (it skips locked ones), so the two
 * orders cannot deadlock.
 */
@Singleton
class HandoffQueue {

    private static final String COLUMNS = "id, conversation_id, shopper_id, channel, skill, language, reasons,"
            + " priority, status, target_agent_id, agent_id, enqueued_at, waiting_since, assigned_at, first_reply_at,"
            + " closed_at, disposition, requeue_count";

    /** What a claim came to. */
    record Claim(@Nullable Escalation escalation, Agent agent, boolean atCapacity) {
    }

    private final JdbcOperations jdbc;
    private final AgentRepository agents;
    private final LockingRead locking;
    private final QueueSettings settings;

    HandoffQueue(JdbcOperations jdbc, AgentRepository agents, LockingRead locking, QueueSettings settings) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.locking = locking;
        this.settings = settings;
    }

    /**
     * Puts a conversation in the queue. Fails with a constraint violation when it already has an open hand-off.
     */
    @Transactional
    Escalation enqueue(String conversationId, String shopperId, Channel channel, String skill, String language,
                       String reasons, int priority, Instant now) {
        Escalation escalation = new Escalation(UUID.randomUUID().toString(), conversationId, shopperId, channel, skill,
                language, reasons, priority, EscalationStatus.WAITING, null, null, now, now, null, null, null, null,
                0);
        jdbc.prepareStatement("INSERT INTO handoff_escalations (" + COLUMNS + ", open_conversation_id, queue_rank,"
                + " awaiting_agent_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, NULL, NULL, NULL,"
                + " 0, ?, ?, NULL)", statement -> {
            statement.setString(1, escalation.id());
            statement.setString(2, conversationId);
            statement.setString(3, shopperId);
            statement.setString(4, channel.id());
            statement.setString(5, skill);
            statement.setString(6, language);
            statement.setString(7, reasons.length() <= 500 ? reasons : reasons.substring(0, 500));
            statement.setInt(8, priority);
            statement.setString(9, EscalationStatus.WAITING.id());
            UtcColumns.set(statement, 10, now);
            UtcColumns.set(statement, 11, now);
            statement.setString(12, conversationId);
            statement.setDouble(13, rank(priority, now));
            return statement.executeUpdate();
        });
        return escalation;
    }

    /**
     * Gives the agent the best waiting conversation they may take: their skills and languages, transferred to them
     * or to nobody in particular, highest aged priority first; nothing when they hold as many as their capacity.
     */
    @Transactional
    Claim claimNext(String agentId, Instant now) {
        Agent agent = agents.lock(agentId).orElseThrow(() -> new UnknownAgentException(agentId));
        if (agent.activeCount() >= agent.capacity()) {
            return new Claim(null, agent, true);
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM handoff_escalations WHERE status = ?");
        parameters.add(EscalationStatus.WAITING.id());
        sql.append(" AND (target_agent_id IS NULL OR target_agent_id = ?)");
        parameters.add(agentId);
        restrict(sql, parameters, "skill", agent.skills());
        restrict(sql, parameters, "language", agent.languages());
        sql.append(" ORDER BY queue_rank DESC LIMIT 1").append(locking.skippingLocked());
        Optional<Escalation> next = jdbc.prepareStatement(sql.toString(), statement -> {
            bind(statement, parameters);
            return first(statement);
        });
        if (next.isEmpty()) {
            return new Claim(null, agent, false);
        }
        int updated = jdbc.prepareStatement("UPDATE handoff_escalations SET status = ?, agent_id = ?, assigned_at = ?,"
                + " awaiting_agent_since = ?, target_agent_id = NULL WHERE id = ? AND status = ?", statement -> {
            statement.setString(1, EscalationStatus.ASSIGNED.id());
            statement.setString(2, agentId);
            UtcColumns.set(statement, 3, now);
            UtcColumns.set(statement, 4, now);
            statement.setString(5, next.get().id());
            statement.setString(6, EscalationStatus.WAITING.id());
            return statement.executeUpdate();
        });
        if (updated != 1) {
            throw new IllegalStateException("escalation " + next.get().id() + " changed under its row lock");
        }
        agents.addActive(agentId, 1);
        return new Claim(find(next.get().id()).orElseThrow(), agent, false);
    }

    /** Closes an open hand-off (freeing its agent's capacity); empty when it was not open any more. */
    @Transactional
    Optional<Escalation> close(String escalationId, EscalationStatus status, @Nullable String disposition,
                               Instant now) {
        Optional<Escalation> open = lockOpen(escalationId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        freeAgent(open.get());
        jdbc.prepareStatement("UPDATE handoff_escalations SET status = ?, disposition = ?, closed_at = ?,"
                + " open_conversation_id = NULL, awaiting_agent_since = NULL WHERE id = ?", statement -> {
            statement.setString(1, status.id());
            statement.setString(2, disposition);
            UtcColumns.set(statement, 3, now);
            statement.setString(4, escalationId);
            return statement.executeUpdate();
        });
        return find(escalationId);
    }

    /**
     * Puts an open hand-off (back) in a queue: another skill, or one agent only, or as it was (its agent went
     * offline or did not answer). It keeps its place: aging counts from when it first entered the queue.
     */
    @Transactional
    Optional<Escalation> requeue(String escalationId, String skill, @Nullable String targetAgentId, Instant now) {
        Optional<Escalation> open = lockOpen(escalationId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        freeAgent(open.get());
        Escalation escalation = open.get();
        jdbc.prepareStatement("UPDATE handoff_escalations SET status = ?, skill = ?, target_agent_id = ?,"
                + " agent_id = NULL, assigned_at = NULL, awaiting_agent_since = NULL, waiting_since = ?,"
                + " queue_rank = ?, requeue_count = requeue_count + 1 WHERE id = ?", statement -> {
            statement.setString(1, EscalationStatus.WAITING.id());
            statement.setString(2, skill);
            statement.setString(3, targetAgentId);
            UtcColumns.set(statement, 4, now);
            statement.setDouble(5, rank(escalation.priority(), escalation.enqueuedAt()));
            statement.setString(6, escalationId);
            return statement.executeUpdate();
        });
        return find(escalationId);
    }

    /** The agent answered: the first-reply clock stops, the no-answer clock is cleared. */
    @Transactional
    void agentReplied(String escalationId, Instant at) {
        jdbc.prepareStatement("UPDATE handoff_escalations SET first_reply_at = COALESCE(first_reply_at, ?),"
                + " awaiting_agent_since = NULL WHERE id = ?", statement -> {
            UtcColumns.set(statement, 1, at);
            statement.setString(2, escalationId);
            return statement.executeUpdate();
        });
    }

    /** The shopper wrote to an assigned conversation: the no-answer clock starts, unless it already runs. */
    @Transactional
    void shopperWrote(String conversationId, Instant at) {
        jdbc.prepareStatement("UPDATE handoff_escalations SET awaiting_agent_since = COALESCE(awaiting_agent_since,"
                + " ?) WHERE open_conversation_id = ? AND status = ?", statement -> {
            UtcColumns.set(statement, 1, at);
            statement.setString(2, conversationId);
            statement.setString(3, EscalationStatus.ASSIGNED.id());
            return statement.executeUpdate();
        });
    }

    @Connectable
    Optional<Escalation> find(String id) {
        return one("SELECT " + COLUMNS + " FROM handoff_escalations WHERE id = ?", id);
    }

    @Connectable
    Optional<Escalation> findOpen(String conversationId) {
        return one("SELECT " + COLUMNS + " FROM handoff_escalations WHERE open_conversation_id = ?", conversationId);
    }

    /** The conversation's most recent hand-off, open or not. */
    @Connectable
    Optional<Escalation> findLatest(String conversationId) {
        return one("SELECT " + COLUMNS + " FROM handoff_escalations WHERE conversation_id = ?"
                + " ORDER BY enqueued_at DESC LIMIT 1", conversationId);
    }

    /** Waiting hand-offs, the one the next claim would get first. */
    @Connectable
    List<Escalation> waiting(int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_escalations WHERE status = ?"
                + " ORDER BY queue_rank DESC LIMIT ?", statement -> {
            statement.setString(1, EscalationStatus.WAITING.id());
            statement.setInt(2, limit);
            return all(statement);
        });
    }

    @Connectable
    List<Escalation> assignedTo(String agentId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_escalations WHERE agent_id = ?"
                + " AND status = ? ORDER BY assigned_at", statement -> {
            statement.setString(1, agentId);
            statement.setString(2, EscalationStatus.ASSIGNED.id());
            return all(statement);
        });
    }

    @Connectable
    List<Escalation> assigned() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_escalations WHERE status = ?"
                + " ORDER BY assigned_at", statement -> {
            statement.setString(1, EscalationStatus.ASSIGNED.id());
            return all(statement);
        });
    }

    /** Assigned hand-offs whose shopper has waited for an answer since before the cutoff. */
    @Connectable
    List<Escalation> unansweredSince(Instant cutoff) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_escalations WHERE status = ?"
                + " AND awaiting_agent_since < ?", statement -> {
            statement.setString(1, EscalationStatus.ASSIGNED.id());
            UtcColumns.set(statement, 2, cutoff);
            return all(statement);
        });
    }

    /** 1 for the next in its queue (same skill and language). */
    @Connectable
    int position(Escalation escalation) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM handoff_escalations WHERE status = ? AND skill = ?"
                + " AND language = ? AND queue_rank > ?", statement -> {
            statement.setString(1, EscalationStatus.WAITING.id());
            statement.setString(2, escalation.skill());
            statement.setString(3, escalation.language());
            statement.setDouble(4, rank(escalation.priority(), escalation.enqueuedAt()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) + 1;
            }
        });
    }

    /** Hand-offs that entered the queue since then (statistics). */
    @Connectable
    List<Escalation> enqueuedSince(Instant since) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM handoff_escalations WHERE enqueued_at >= ?"
                + " ORDER BY enqueued_at", statement -> {
            UtcColumns.set(statement, 1, since);
            return all(statement);
        });
    }

    /** Minutes agents took on the last resolved hand-offs of a skill, most recent first. */
    @Connectable
    List<Double> recentHandleMinutes(String skill, int limit) {
        return jdbc.prepareStatement("SELECT assigned_at, closed_at FROM handoff_escalations WHERE skill = ?"
                + " AND status = ? AND assigned_at IS NOT NULL ORDER BY closed_at DESC LIMIT ?", statement -> {
            statement.setString(1, skill);
            statement.setString(2, EscalationStatus.RESOLVED.id());
            statement.setInt(3, limit);
            List<Double> minutes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Instant from = UtcColumns.get(rows, "assigned_at");
                    Instant to = UtcColumns.get(rows, "closed_at");
                    minutes.add(java.time.Duration.between(from, to).toMillis() / 60_000.0);
                }
            }
            return minutes;
        });
    }

    @Connectable
    int countWaiting() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM handoff_escalations WHERE status = ?", statement -> {
            statement.setString(1, EscalationStatus.WAITING.id());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * The queue order: priority plus aging per waiting minute. Stored as priority minus aging times the minutes
     * since the epoch at which it entered the queue, so the order by this number is the aged order at any moment.
     */
    double rank(int priority, Instant enqueuedAt) {
        return priority - settings.agingPerMinute() * (enqueuedAt.toEpochMilli() / 60_000.0);
    }

    /** The priority a waiting hand-off has now, aging included. */
    double agedPriority(Escalation escalation, Instant now) {
        return escalation.priority() + settings.agingPerMinute()
                * (java.time.Duration.between(escalation.enqueuedAt(), now).toMillis() / 60_000.0);
    }

    private Optional<Escalation> lockOpen(String escalationId) {
        return one("SELECT " + COLUMNS + " FROM handoff_escalations WHERE id = ? FOR UPDATE", escalationId)
                .filter(escalation -> escalation.status().isOpen());
    }

    private void freeAgent(Escalation escalation) {
        if (escalation.status() == EscalationStatus.ASSIGNED && escalation.agentId() != null) {
            agents.lock(escalation.agentId());
            agents.addActive(escalation.agentId(), -1);
        }
    }

    private static void restrict(StringBuilder sql, List<Object> parameters, String column, List<String> allowed) {
        if (allowed.contains(Agent.ANY)) {
            return;
        }
        if (allowed.isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        sql.append(" AND ").append(column).append(" IN (")
                .append(String.join(", ", Collections.nCopies(allowed.size(), "?"))).append(')');
        parameters.addAll(allowed);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, (String) parameters.get(i));
        }
    }

    private Optional<Escalation> one(String sql, String parameter) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, parameter);
            return first(statement);
        });
    }

    private static Optional<Escalation> first(PreparedStatement statement) throws SQLException {
        List<Escalation> found = all(statement);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Escalation> all(PreparedStatement statement) throws SQLException {
        List<Escalation> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(map(rows));
            }
        }
        return found;
    }

    private static Escalation map(ResultSet row) throws SQLException {
        return new Escalation(row.getString("id"), row.getString("conversation_id"), row.getString("shopper_id"),
                Channel.fromId(row.getString("channel")), row.getString("skill"), row.getString("language"),
                row.getString("reasons"), row.getInt("priority"), EscalationStatus.fromId(row.getString("status")),
                row.getString("target_agent_id"), row.getString("agent_id"), UtcColumns.get(row, "enqueued_at"),
                UtcColumns.get(row, "waiting_since"), UtcColumns.get(row, "assigned_at"),
                UtcColumns.get(row, "first_reply_at"), UtcColumns.get(row, "closed_at"), row.getString("disposition"),
                row.getInt("requeue_count"));
    }
}
