package dev.parley.nlu.eval;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** RFC 4180 CSV files of the report: a header and rows, cells quoted only where needed. */
final class CsvFile {

    private static final ObjectWriter WRITER = new CsvMapper()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));

    private CsvFile() {
    }

    static void write(Path file, List<String> header, List<List<?>> rows) throws IOException {
        List<List<?>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        WRITER.writeValue(file.toFile(), all);
    }

    /** A fraction with 4 decimals; empty for NaN. */
    static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
