package dev.parley.stores;

import dev.parley.storage.CsvRows;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Fills an empty stores table with the demo shop's stores (one or two per city of the {@code city} entity). */
@Singleton
@Requires(property = "parley.stores.seed-demo", value = "true", defaultValue = "true")
class DemoStoreSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStoreSeeder.class);
    static final String DEMO_STORES = "/stores/demo-stores.csv";
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final StoreDirectory stores;

    DemoStoreSeeder(StoreDirectory stores) {
        this.stores = stores;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!stores.all().isEmpty()) {
            return;
        }
        List<Store> demo = CsvRows.readResource(DEMO_STORES).stream().map(DemoStoreSeeder::toStore).toList();
        stores.saveAll(demo);
        LOG.info("Seeded {} demo stores", demo.size());
    }

    private static Store toStore(Map<String, String> row) {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, row.get(DAYS.get(day.ordinal())));
        }
        return new Store(row.get("id"), row.get("name"), row.get("city"), row.get("country"), row.get("address"),
                row.get("phone"), ZoneId.of(row.get("time_zone")), hours);
    }
}
