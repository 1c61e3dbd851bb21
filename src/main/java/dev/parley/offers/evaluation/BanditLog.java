package dev.parley.offers.evaluation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logged bandit feedback as CSV with a header: {@code action}, {@code reward} (number), {@code propensity} (the
 * logging policy's probability of that action), optional {@code position} (part of the context) and
 * {@code timestamp} (ignored), every other column a context feature: numeric when every non-empty value parses
 * as a number, else categorical.
 */
final class BanditLog {

    record Row(String action, double reward, double propensity, Map<String, String> context) {
    }

    private static final Set<String> RESERVED = Set.of("action", "reward", "propensity", "timestamp");

    private final List<Row> rows;
    private final List<String> contextColumns;
    private final Set<String> numericColumns;
    private final List<String> actions;

    private BanditLog(List<Row> rows, List<String> contextColumns, Set<String> numericColumns, List<String> actions) {
        this.rows = rows;
        this.contextColumns = contextColumns;
        this.numericColumns = numericColumns;
        this.actions = actions;
    }

    static BanditLog read(Reader reader) throws IOException {
        List<Map<String, String>> raw = readCsv(reader);
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("the log has no rows");
        }
        Set<String> columns = raw.get(0).keySet();
        for (String required : List.of("action", "reward", "propensity")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("the log has no '" + required + "' column");
            }
        }
        List<String> contextColumns = columns.stream().filter(c -> !RESERVED.contains(c)).toList();
        Set<String> numeric = new LinkedHashSet<>();
        for (String column : contextColumns) {
            boolean allNumbers = true;
            for (Map<String, String> row : raw) {
                String value = row.getOrDefault(column, "");
                if (!value.isEmpty() && !isNumber(value)) {
                    allNumbers = false;
                    break;
                }
            }
            if (allNumbers) {
                numeric.add(column);
            }
        }
        List<Row> rows = new ArrayList<>(raw.size());
        Set<String> actions = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, String> row = raw.get(i);
            String action = row.get("action");
            double reward = number(row.get("reward"), "reward", i);
            double propensity = number(row.get("propensity"), "propensity", i);
            if (action == null || action.isEmpty()) {
                throw new IllegalArgumentException("row " + (i + 2) + ": empty action");
            }
            if (!(propensity > 0 && propensity <= 1)) {
                throw new IllegalArgumentException("row " + (i + 2) + ": propensity must be in (0, 1]");
            }
            Map<String, String> context = new LinkedHashMap<>();
            for (String column : contextColumns) {
                context.put(column, row.getOrDefault(column, ""));
            }
            rows.add(new Row(action, reward, propensity, context));
            actions.add(action);
        }
        return new BanditLog(rows, contextColumns, numeric, new ArrayList<>(actions));
    }

    static List<Map<String, String>> readCsv(Reader reader) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> iterator = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (iterator.hasNext()) {
                Map<String, String> row = new LinkedHashMap<>();
                iterator.next().forEach((k, v) -> row.put(k.trim(), v == null ? "" : v.trim()));
                rows.add(row);
            }
        }
        return rows;
    }

    List<Row> rows() {
        return rows;
    }

    List<String> contextColumns() {
        return contextColumns;
    }

    boolean isNumeric(String column) {
        return numericColumns.contains(column);
    }

    List<String> actions() {
        return actions;
    }

    static boolean isNumber(String value) {
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String value, String column, int index) {
        if (value == null || !isNumber(value)) {
            throw new IllegalArgumentException("row " + (index + 2) + ": " + column + " is not a number: " + value);
        }
        return Double.parseDouble(value);
    }
}
