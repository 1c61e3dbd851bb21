package dev.parley.stores;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** SQL for the stores table. */
@Singleton
@Transactional
class StoreRepository {

    /** The weekday columns, Monday first. */
    static final List<String> DAY_COLUMNS = List.of("hours_mon", "hours_tue", "hours_wed", "hours_thu", "hours_fri",
            "hours_sat", "hours_sun");

    private final JdbcOperations jdbc;

    StoreRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Store> findAll() {
        return jdbc.prepareStatement("SELECT * FROM stores ORDER BY city, name", statement -> {
            List<Store> stores = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stores.add(map(rows));
                }
            }
            return stores;
        });
    }

    void insertAll(List<Store> stores) {
        jdbc.prepareStatement("INSERT INTO stores (id, name, city, country, address, phone, time_zone, "
                + String.join(", ", DAY_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            for (Store store : stores) {
                statement.setString(1, store.id());
                statement.setString(2, store.name());
                statement.setString(3, store.city());
                statement.setString(4, store.country());
                statement.setString(5, store.address());
                statement.setString(6, store.phone());
                statement.setString(7, store.timeZone().getId());
                for (DayOfWeek day : DayOfWeek.values()) {
                    statement.setString(8 + day.ordinal(), store.hoursOn(day));
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private static Store map(ResultSet row) throws SQLException {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, row.getString(DAY_COLUMNS.get(day.ordinal())));
        }
        return new Store(row.getString("id"), row.getString("name"), row.getString("city"), row.getString("country"),
                row.getString("address"), row.getString("phone"), ZoneId.of(row.getString("time_zone")), hours);
    }
}
