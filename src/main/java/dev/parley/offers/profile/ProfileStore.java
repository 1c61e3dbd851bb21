package dev.parley.offers.profile;

import dev.parley.offers.events.ShopperEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Profiles in memory for fast decisions, written through to the database in the caller's transaction. A
 * profile object is only touched under its own lock. When a write fails the touched shoppers are evicted, so
 * memory never keeps what the database does not have.
 */
@Singleton
public class ProfileStore {

    private final ProfileRepository repository;
    private final ProfileUpdater updater;
    private final Map<String, ShopperProfile> cache = new ConcurrentHashMap<>();

    ProfileStore(ProfileRepository repository, ProfileSettings settings) {
        this.repository = repository;
        this.updater = new ProfileUpdater(settings);
    }

    public ProfileSettings settings() {
        return updater.settings();
    }

    /** The shopper's figures now; an unknown shopper gets an empty profile (cold start), nothing is stored. */
    public ProfileFacts facts(String shopperId, Instant now) {
        ShopperProfile profile = live(shopperId);
        synchronized (profile) {
            return new ProfileFacts(profile, updater.settings(), now);
        }
    }

    /** A copy of the stored profile, empty when the shopper has never been seen. */
    public Optional<ShopperProfile> find(String shopperId) {
        ShopperProfile profile = live(shopperId);
        synchronized (profile) {
            return profile.isEmpty() ? Optional.empty() : Optional.of(profile.copy());
        }
    }

    /**
     * Applies events (already stored, in any order) to their shoppers' profiles, in time order per shopper.
     *
     * @return life events detected on the way, by shopper
     */
    @Transactional
    public Map<String, List<LifeEventRecord>> apply(List<ShopperEvent> events, ProductFacts facts) {
        Map<String, List<ShopperEvent>> byShopper = new LinkedHashMap<>();
        events.stream().sorted(Comparator.comparing(ShopperEvent::timestamp))
                .forEach(e -> byShopper.computeIfAbsent(e.shopperId(), id -> new ArrayList<>()).add(e));
        Map<String, List<LifeEventRecord>> detected = new LinkedHashMap<>();
        List<ShopperProfile> touched = new ArrayList<>();
        try {
            for (Map.Entry<String, List<ShopperEvent>> entry : byShopper.entrySet()) {
                ShopperProfile profile = live(entry.getKey());
                synchronized (profile) {
                    for (ShopperEvent event : entry.getValue()) {
                        List<LifeEventRecord> found = updater.apply(profile, event, facts);
                        if (!found.isEmpty()) {
                            detected.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).addAll(found);
                        }
                    }
                    touched.add(profile.copy());
                }
            }
            repository.saveAll(touched);
            detected.forEach((shopperId, records) -> records.forEach(r -> repository.saveLifeEvent(shopperId, r)));
            return detected;
        } catch (RuntimeException e) {
            byShopper.keySet().forEach(cache::remove);
            throw e;
        }
    }

    /** Records a life event the conversation (or the site) recognised; refreshes its expiry if already known. */
    @Transactional
    public LifeEventRecord addLifeEvent(String shopperId, String lifeEvent, String source, Instant at) {
        String kind = updater.canonical(lifeEvent);
        return update(shopperId, profile -> {
            if (profile.lastSeen == 0) {
                profile.firstSeen = at.toEpochMilli();
            }
            LifeEventRecord previous = profile.lifeEvents.remove(kind);
            try {
                updater.addLifeEvent(profile, kind, source, at).ifPresent(r -> repository.saveLifeEvent(shopperId, r));
            } catch (IllegalArgumentException unknown) {
                if (previous != null) {
                    profile.lifeEvents.put(kind, previous);
                }
                throw unknown;
            }
        }).lifeEvents.get(kind);
    }

    /** Changes one profile and stores it; returns a copy of the result. */
    @Transactional
    public ShopperProfile update(String shopperId, Consumer<ShopperProfile> change) {
        ShopperProfile profile = live(shopperId);
        try {
            synchronized (profile) {
                change.accept(profile);
                ShopperProfile copy = profile.copy();
                repository.saveAll(List.of(copy));
                return copy;
            }
        } catch (RuntimeException e) {
            cache.remove(shopperId);
            throw e;
        }
    }

    public List<String> optedInShoppers() {
        return repository.optedInShoppers();
    }

    /** Forgets the in-memory copies (tests; or after restoring the database). */
    public void evictAll() {
        cache.clear();
    }

    private ShopperProfile live(String shopperId) {
        return cache.computeIfAbsent(shopperId, id -> repository.find(id).orElseGet(() -> new ShopperProfile(id)));
    }
}
