package dev.parley.stores;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The shop's physical stores. A few dozen rows that change rarely: read from the table on each question (cheap,
 * and a store added in the database shows up at once).
 */
@Singleton
public class StoreDirectory {

    private final StoreRepository repository;

    StoreDirectory(StoreRepository repository) {
        this.repository = repository;
    }

    public List<Store> all() {
        return repository.findAll();
    }

    /** Stores in a city; "zurich" finds "Zürich" (case and accents do not matter). */
    public List<Store> inCity(String city) {
        String wanted = fold(city);
        return all().stream().filter(store -> fold(store.city()).equals(wanted)).toList();
    }

    /** The cities with a store, alphabetically. */
    public List<String> cities() {
        return all().stream().map(Store::city).distinct().sorted().toList();
    }

    @Transactional
    public void saveAll(List<Store> stores) {
        repository.insertAll(stores);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
