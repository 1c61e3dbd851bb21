package dev.parley.storage;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a UTF-8 CSV file with a header row into one map per row (demo data seeds). */
public final class CsvRows {

    private CsvRows() {
    }

    public static List<Map<String, String>> readResource(String path) {
        try (InputStream input = CsvRows.class.getResourceAsStream(path)) {
            if (input == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            try (Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8);
                 MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                         .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
                List<Map<String, String>> all = new ArrayList<>();
                while (rows.hasNext()) {
                    all.add(rows.next());
                }
                return all;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
