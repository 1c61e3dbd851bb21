package dev.parley.offers.decision;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the decision log behind the decision (group commit): a decide call queues its rows and returns; a
 * writer thread inserts whatever is queued in one transaction every few milliseconds. A commit per decision
 * would make the database's log flush the whole cost of a decision; batched, hundreds share one.
 * Until written, a decision is served from memory ({@link #find}), and anything that reads the table first
 * calls {@link #flush}. If the queue is full the caller writes synchronously (back-pressure, nothing dropped).
 * The cost: a process crash loses the last few milliseconds of decision rows (not events, not rewards, which are
 * written before they are acknowledged).
 */
@Singleton
public class DecisionLogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLogWriter.class);
    private static final int CAPACITY = 20_000;
    private static final int BATCH = 1_000;

    private final DecisionLog log;
    private final BlockingQueue<LoggedDecision> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Map<String, LoggedDecision> pending = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile Thread writer;
    private volatile boolean closed;

    DecisionLogWriter(DecisionLog log) {
        this.log = log;
    }

    public void append(List<LoggedDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        ensureWriter();
        for (LoggedDecision decision : decisions) {
            pending.put(decision.id(), decision);
            if (closed || !queue.offer(decision)) {
                // full (the database is slower than decisions come in) or shutting down: write it ourselves
                flush();
                synchronized (writeLock) {
                    log.insert(List.of(decision));
                }
                pending.remove(decision.id());
            }
        }
        java.util.concurrent.locks.LockSupport.unpark(writer);
    }

    /** A decision, whether written yet or not. */
    public Optional<LoggedDecision> find(String id) {
        LoggedDecision queued = pending.get(id);
        return queued != null ? Optional.of(queued) : log.find(id);
    }

    /** Writes everything queued so far; returns once it is committed. */
    public void flush() {
        synchronized (writeLock) {
            List<LoggedDecision> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void write(List<LoggedDecision> batch) {
        try {
            log.insert(batch);
        } catch (RuntimeException e) {
            LOG.error("Lost {} decision row(s): {}", batch.size(), e.getMessage());
        } finally {
            batch.forEach(d -> pending.remove(d.id()));
        }
    }

    private void ensureWriter() {
        if (writer == null) {
            synchronized (this) {
                if (writer == null && !closed) {
                    Thread thread = new Thread(this::drainLoop, "offer-decision-log");
                    thread.setDaemon(true);
                    thread.start();
                    writer = thread;
                }
            }
        }
    }

    /** Waits for rows, then writes all that queued up meanwhile in one transaction (under the lock flush uses). */
    private void drainLoop() {
        List<LoggedDecision> batch = new ArrayList<>();
        while (!closed) {
            if (queue.isEmpty()) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                continue;
            }
            synchronized (writeLock) {
                queue.drainTo(batch, BATCH);
                write(batch);
                batch.clear();
            }
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Decision rows lost at shutdown: {}", e.getMessage());
        }
    }
}
