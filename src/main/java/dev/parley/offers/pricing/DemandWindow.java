package dev.parley.offers.pricing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weighted demand per key over a sliding window, in one-minute buckets. In memory only: after a restart demand is
 * re-learnt within one window, while the multipliers themselves are persisted.
 */
final class DemandWindow {

    private static final long MINUTE = 60_000;

    private final int minutes;
    private final Map<String, Buckets> byKey = new ConcurrentHashMap<>();

    DemandWindow(int minutes) {
        this.minutes = minutes;
    }

    void add(String key, double weight, long at) {
        byKey.computeIfAbsent(key, k -> new Buckets(minutes)).add(weight, at / MINUTE);
    }

    /** [weighted demand, event count] within the window ending at {@code now}. */
    double[] total(String key, long now) {
        Buckets buckets = byKey.get(key);
        return buckets == null ? new double[2] : buckets.total(now / MINUTE);
    }

    Iterable<String> keys() {
        return byKey.keySet();
    }

    private static final class Buckets {
        private final long[] minute;
        private final double[] demand;
        private final int[] events;

        Buckets(int size) {
            minute = new long[size];
            demand = new double[size];
            events = new int[size];
            java.util.Arrays.fill(minute, -1);
        }

        synchronized void add(double weight, long atMinute) {
            int slot = (int) Math.floorMod(atMinute, (long) minute.length);
            if (minute[slot] != atMinute) {
                if (minute[slot] > atMinute) {
                    return; // older than the window
                }
                minute[slot] = atMinute;
                demand[slot] = 0;
                events[slot] = 0;
            }
            demand[slot] += weight;
            events[slot]++;
        }

        synchronized double[] total(long nowMinute) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < minute.length; i++) {
                if (minute[i] > nowMinute - minute.length && minute[i] <= nowMinute) {
                    sum += demand[i];
                    count += events[i];
                }
            }
            return new double[]{sum, count};
        }
    }
}
