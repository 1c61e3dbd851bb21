package dev.parley.channel.webchat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code parley.webchat.rate-limit-per-minute} messages per session in any sliding minute. In memory, per
 * server: it protects the assistant from a runaway client, it is not an accounting record (behind a load balancer
 * each node allows the limit).
 */
@Singleton
class SessionRateLimiter {

    private static final long WINDOW_MS = 60_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    @Inject
    SessionRateLimiter(WebchatSettings settings) {
        this(settings.rateLimitPerMinute(), Clock.systemUTC());
    }

    SessionRateLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Takes one message of the session's allowance; if none is left, the seconds until one frees up. */
    OptionalLong tryAcquire(String sessionId) {
        long now = clock.millis();
        if (sent.size() > 10_000) {
            evictIdle(now);
        }
        Deque<Long> times = sent.computeIfAbsent(sessionId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return OptionalLong.of(Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000));
            }
            times.addLast(now);
            return OptionalLong.empty();
        }
    }

    private void evictIdle(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = sent.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || times.peekLast() <= now - WINDOW_MS) {
                    it.remove();
                }
            }
        }
    }
}
