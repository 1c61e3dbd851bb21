package dev.parley.nlu.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** RFC 4180 CSV: a header and rows; cells with commas, quotes or line breaks are quoted. */
final class CsvFile {

    private CsvFile() {
    }

    static void write(Path file, List<String> header, List<List<?>> rows) throws IOException {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(row -> out.append(line(row)));
        Files.writeString(file, out);
    }

    /** A fraction with 4 decimals; empty for NaN. */
    static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String line(List<?> cells) {
        return cells.stream().map(cell -> cell(String.valueOf(cell))).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
