package dev.parley.offers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.offers.bandit.BanditSettings;
import dev.parley.offers.bandit.OfferBandit;
import dev.parley.offers.decision.DecisionLog;
import dev.parley.offers.decision.OfferFeatures;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the bandit's learned state across restarts: the state lives in memory (ranking reads it lock-free), is
 * written as a snapshot every {@code snapshot-every} learned rewards and at shutdown, and on start the newest
 * snapshot is loaded and the rewards learnt after it are replayed from the reward log. Snapshot + replay rather
 * than either alone: replaying everything grows with history, snapshots alone lose what came after the last one
 * when the process dies; together start-up is bounded and nothing logged is forgotten.
 */
@Singleton
public class BanditMemory {

    private static final Logger LOG = LoggerFactory.getLogger(BanditMemory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecisionLog log;
    private final BanditSettings settings;
    private final AtomicLong sinceSnapshot = new AtomicLong();
    private volatile OfferBandit bandit;
    private volatile long lastRewardId;

    BanditMemory(DecisionLog log, BanditSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    public OfferBandit bandit() {
        OfferBandit current = bandit;
        if (current == null) {
            synchronized (this) {
                if (bandit == null) {
                    bandit = restore();
                }
                current = bandit;
            }
        }
        return current;
    }

    /** Teaches the model one reward (already logged with id {@code rewardId}). */
    public void learn(long rewardId, double[] features, String segment, String offerId, double reward) {
        if (features.length != OfferFeatures.DIMENSION) {
            return;
        }
        bandit().learn(features, segment, offerId, reward);
        lastRewardId = Math.max(lastRewardId, rewardId);
        if (sinceSnapshot.incrementAndGet() >= settings.snapshotEvery()) {
            snapshot();
        }
    }

    /** Writes the current state; called every few hundred rewards and at shutdown. */
    public synchronized void snapshot() {
        if (bandit == null || sinceSnapshot.get() == 0) {
            return;
        }
        long upTo = lastRewardId;
        OfferBandit.Snapshot state = bandit.export();
        Map<String, Object> json = new HashMap<>();
        json.put("a", state.a());
        json.put("b", state.b());
        json.put("updates", state.updates());
        json.put("popularity", state.popularity());
        try {
            log.saveSnapshot(upTo, JSON.writeValueAsString(json));
            sinceSnapshot.set(0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            LOG.warn("Could not write the bandit snapshot: {}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        try {
            snapshot();
        } catch (RuntimeException e) {
            LOG.warn("No bandit snapshot at shutdown: {}", e.getMessage());
        }
    }

    private OfferBandit restore() {
        long started = System.nanoTime();
        OfferBandit restored = new OfferBandit(OfferFeatures.DIMENSION, settings);
        long after = 0;
        var snapshot = log.latestSnapshot();
        if (snapshot.isPresent()) {
            after = (Long) snapshot.get()[0];
            try {
                Map<String, Object> json = JSON.readValue((String) snapshot.get()[1], new TypeReference<>() { });
                Map<String, double[]> popularity = new HashMap<>();
                ((Map<?, ?>) json.get("popularity")).forEach((key, value) ->
                        popularity.put((String) key, toArray(value)));
                restored.restore(new OfferBandit.Snapshot(toArray(json.get("a")), toArray(json.get("b")),
                        ((Number) json.get("updates")).longValue(), popularity));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("Ignoring an unreadable bandit snapshot, replaying the whole reward log: {}", e.getMessage());
                restored = new OfferBandit(OfferFeatures.DIMENSION, settings);
                after = 0;
            }
        }
        long[] replayed = {0, after};
        OfferBandit target = restored;
        log.learnedRewardsAfter(after, reward -> {
            if (reward.features().length == OfferFeatures.DIMENSION) {
                target.learn(reward.features(), reward.segment(), reward.offerId(), reward.reward());
                replayed[0]++;
            }
            replayed[1] = reward.id();
        });
        lastRewardId = replayed[1];
        sinceSnapshot.set(replayed[0]);
        LOG.info("Bandit state restored: {} updates ({} replayed after the snapshot) in {} ms",
                restored.updates(), replayed[0], (System.nanoTime() - started) / 1_000_000);
        return restored;
    }

    private static double[] toArray(Object value) {
        java.util.List<?> list = (java.util.List<?>) value;
        double[] array = new double[list.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = ((Number) list.get(i)).doubleValue();
        }
        return array;
    }
}
