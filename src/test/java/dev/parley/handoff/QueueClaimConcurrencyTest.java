package dev.parley.handoff;

import dev.parley.message.Channel;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 20 agents (three console tabs each, capacity two, so each agent's claims really race) take 1,000 escalations concurrently on
 * MariaDB, holding each a moment and resolving it: every escalation is claimed exactly once, no agent ever holds
 * more than its capacity, and nothing is left in the queue.
 */
@MicronautTest(transactional = false)
@Property(name = "parley.handoff.auto-queue", value = "false")
class QueueClaimConcurrencyTest {

    static final int AGENTS = 20;
    static final int TABS = 3;
    static final int ESCALATIONS = 1000;
    static final int CAPACITY = 2;

    @Inject
    HandoffQueue queue;

    @Inject
    AgentRepository agents;

    @Test
    void twentyAgentsClaimAThousandEscalationsEachExactlyOnceWithinCapacity() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = UtcColumns.now();
        List<String> agentIds = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String id = "load-" + run + "-" + i;
            agents.insert(new Agent(id, "Agent " + i, AgentRole.AGENT, List.of("orders", "returns"), List.of("en"),
                    CAPACITY, 0, true, null), "unused", now);
            agentIds.add(id);
        }
        Random random = new Random(42);
        Set<String> enqueued = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < ESCALATIONS; i++) {
            Escalation escalation = queue.enqueue("conv-" + run + "-" + i, "shopper-" + i, Channel.WEBCHAT,
                    random.nextBoolean() ? "orders" : "returns", "en", "explicit_request", 20 + random.nextInt(40),
                    now.minusSeconds(random.nextInt(600)));
            enqueued.add(escalation.id());
        }

        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> holding = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> mostHeld = new ConcurrentHashMap<>();
        AtomicInteger doubleClaims = new AtomicInteger();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        agentIds.forEach(id -> {
            holding.put(id, new AtomicInteger());
            mostHeld.put(id, new AtomicInteger());
        });
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS * TABS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (String agentId : agentIds) {
            for (int tab = 0; tab < TABS; tab++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    int taken = 0;
                    while (true) {
                        HandoffQueue.Claim claim = queue.claimNext(agentId, UtcColumns.now());
                        if (claim.atCapacity()) {
                            Thread.sleep(1);
                            continue;
                        }
                        if (claim.escalation() == null) {
                            // rows others are claiming are skipped, so "nothing" may be momentary: stop once all
                            // are claimed, or when nothing moved for a while (the assertions then say what is left)
                            if (claimedBy.size() == ESCALATIONS
                                    || System.nanoTime() - lastProgress.get() > TimeUnit.SECONDS.toNanos(10)) {
                                return taken;
                            }
                            Thread.sleep(1);
                            continue;
                        }
                        lastProgress.set(System.nanoTime());
                        Escalation escalation = claim.escalation();
                        int held = holding.get(agentId).incrementAndGet();
                        mostHeld.get(agentId).accumulateAndGet(held, Math::max);
                        if (claimedBy.putIfAbsent(escalation.id(), agentId) != null) {
                            doubleClaims.incrementAndGet();
                        }
                        taken++;
                        holding.get(agentId).decrementAndGet();
                        queue.close(escalation.id(), EscalationStatus.RESOLVED, "solved", UtcColumns.now());
                    }
                }));
            }
        }
        long started = System.nanoTime();
        go.countDown();
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(0, doubleClaims.get(), "no escalation is claimed twice");
        assertEquals(ESCALATIONS, total);
        assertEquals(enqueued, claimedBy.keySet(), "every escalation was claimed");
        for (String agentId : agentIds) {
            Agent agent = agents.find(agentId).orElseThrow();
            assertEquals(0, agent.activeCount(), "every claim was released: " + agentId);
            assertTrue(mostHeld.get(agentId).get() <= CAPACITY, agentId + " held " + mostHeld.get(agentId));
        }
        for (String id : enqueued) {
            Escalation escalation = queue.find(id).orElseThrow();
            assertEquals(EscalationStatus.RESOLVED, escalation.status(), "nothing left behind");
            assertEquals(claimedBy.get(id), escalation.agentId(), "the database agrees on the owner");
            assertNull(queue.findOpen(escalation.conversationId()).orElse(null));
        }
        System.out.printf("%d claims by %d agents x %d tabs in %.1f s%n", ESCALATIONS, AGENTS, TABS, seconds);
    }

    @Test
    void anAgentAtCapacityGetsNothingMoreAndTheHighestAgedPriorityGoesFirst() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = UtcColumns.now();
        String agentId = "cap-" + run;
        agents.insert(new Agent(agentId, "Capped", AgentRole.AGENT, List.of("payments"), List.of("de"), 2, 0, true,
                null), "unused", now);
        // priority 30 waiting 10 minutes (aged 50 at 2 points a minute) beats a fresh priority 45
        Escalation old = queue.enqueue("old-" + run, "s", Channel.WEBCHAT, "payments", "de", "other", 30,
                now.minusSeconds(600));
        Escalation urgent = queue.enqueue("urgent-" + run, "s", Channel.WEBCHAT, "payments", "de", "other", 45, now);
        Escalation third = queue.enqueue("third-" + run, "s", Channel.WEBCHAT, "payments", "de", "other", 20, now);
        queue.enqueue("english-" + run, "s", Channel.WEBCHAT, "payments", "en", "other", 99, now);

        assertEquals(old.id(), queue.claimNext(agentId, now).escalation().id());
        assertEquals(urgent.id(), queue.claimNext(agentId, now).escalation().id());
        HandoffQueue.Claim full = queue.claimNext(agentId, now);
        assertTrue(full.atCapacity());
        assertNull(full.escalation());
        queue.close(old.id(), EscalationStatus.RESOLVED, "solved", now);
        assertEquals(third.id(), queue.claimNext(agentId, now).escalation().id(),
                "a freed place takes the next; the English one is not for a German speaker");
    }
}
