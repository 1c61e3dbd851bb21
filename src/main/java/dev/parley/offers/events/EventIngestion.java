package dev.parley.offers.events;

import dev.parley.offers.profile.CatalogFacts;
import dev.parley.offers.profile.LifeEventRecord;
import dev.parley.offers.profile.ProfileStore;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way events come in (HTTP batches, the dialogue's conversation turns): validate each row, store the
 * good ones idempotently, update profiles incrementally, tell observers. A bad row never sinks the batch.
 */
@Singleton
public class EventIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(EventIngestion.class);
    public static final int MAX_BATCH = 1000;

    private final EventRepository repository;
    private final ProfileStore profiles;
    private final CatalogFacts catalog;
    private final List<ShopperEventObserver> observers;

    EventIngestion(EventRepository repository, ProfileStore profiles, CatalogFacts catalog,
                   List<ShopperEventObserver> observers) {
        this.repository = repository;
        this.profiles = profiles;
        this.catalog = catalog;
        this.observers = observers;
    }

    /** Rows as parsed from JSON (maps); each is validated on its own. */
    @Transactional
    public EventBatchResult ingestRows(List<?> rows) {
        if (rows.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " events, got " + rows.size());
        }
        Instant now = Instant.now();
        List<ShopperEvent> valid = new ArrayList<>();
        List<RejectedEvent> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            EventValidator.Parsed parsed = EventValidator.parse(rows.get(i), now);
            if (parsed.event() == null) {
                rejected.add(new RejectedEvent(i, String.join("; ", parsed.problems())));
            } else {
                valid.add(parsed.event());
            }
        }
        return store(rows.size(), valid, rejected);
    }

    /** Events built in code (the dialogue); the same validation rules apply. */
    @Transactional
    public EventBatchResult ingest(List<ShopperEvent> events) {
        List<Map<String, Object>> rows = events.stream().map(EventIngestion::toRow).toList();
        return ingestRows(rows);
    }

    private EventBatchResult store(int received, List<ShopperEvent> valid, List<RejectedEvent> rejected) {
        List<ShopperEvent> fresh = repository.insertNew(valid);
        if (!fresh.isEmpty()) {
            Map<String, List<LifeEventRecord>> detected = profiles.apply(fresh, catalog.current());
            observers.forEach(observer -> observer.onEvents(fresh));
            if (!detected.isEmpty()) {
                LOG.info("Detected {} life event(s) from events", detected.values().stream().mapToInt(List::size).sum());
            }
        }
        LOG.debug("Event batch: {} received, {} stored, {} rejected", received, fresh.size(), rejected.size());
        return new EventBatchResult(received, fresh.size(), valid.size() - fresh.size(), rejected);
    }

    private static Map<String, Object> toRow(ShopperEvent event) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("eventId", event.eventId());
        row.put("shopperId", event.shopperId());
        row.put("type", event.type() == null ? null : event.type().id());
        row.put("timestamp", event.timestamp() == null ? null : event.timestamp().toString());
        row.put("properties", event.properties());
        return row;
    }
}
