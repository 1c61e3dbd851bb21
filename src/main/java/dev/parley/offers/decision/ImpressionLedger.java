package dev.parley.offers.decision;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each shopper saw each offer recently, in memory for the frequency caps and the fatigue feature.
 * A shopper's history is loaded from the decision log the first time they are decided for, so caps survive a
 * restart; the horizon is the longest period worth remembering (30 days).
 */
@Singleton
public class ImpressionLedger {

    static final Duration HORIZON = Duration.ofDays(30);

    private final DecisionLog log;
    private final Map<String, Map<String, Deque<Long>>> byShopper = new ConcurrentHashMap<>();

    ImpressionLedger(DecisionLog log) {
        this.log = log;
    }

    /** Impressions of the offer for the shopper within {@code period} before {@code now}. */
    public int count(String shopperId, String offerId, Duration period, Instant now) {
        Map<String, Deque<Long>> offers = shopper(shopperId);
        synchronized (offers) {
            Deque<Long> times = offers.get(offerId);
            if (times == null) {
                return 0;
            }
            long since = now.minus(period).toEpochMilli();
            int count = 0;
            for (Long time : times) {
                if (time >= since) {
                    count++;
                }
            }
            return count;
        }
    }

    public void record(String shopperId, String offerId, Instant at) {
        Map<String, Deque<Long>> offers = shopper(shopperId);
        synchronized (offers) {
            Deque<Long> times = offers.computeIfAbsent(offerId, id -> new ArrayDeque<>());
            times.addLast(at.toEpochMilli());
            long horizon = at.minus(HORIZON).toEpochMilli();
            while (!times.isEmpty() && times.peekFirst() < horizon) {
                times.pollFirst();
            }
        }
    }

    private Map<String, Deque<Long>> shopper(String shopperId) {
        return byShopper.computeIfAbsent(shopperId, id -> {
            Map<String, Deque<Long>> offers = new HashMap<>();
            for (Object[] row : log.impressionsSince(id, Instant.now().minus(HORIZON))) {
                offers.computeIfAbsent((String) row[0], o -> new ArrayDeque<>()).addLast((Long) row[1]);
            }
            return offers;
        });
    }
}
