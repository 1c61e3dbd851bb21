package dev.parley.catalog;

import dev.parley.cli.Arguments;
import dev.parley.cli.CliCommand;
import dev.parley.cli.UsageException;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code parley catalog import FILE.csv|FILE.json}: adds or replaces products by sku. */
@Singleton
class CatalogCommand implements CliCommand {

    private final ProductCatalog catalog;
    private final CatalogImporter importer;

    CatalogCommand(ProductCatalog catalog, CatalogImporter importer) {
        this.catalog = catalog;
        this.importer = importer;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String summary() {
        return "import FILE.csv|FILE.json  add or replace products";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments arguments = Arguments.parse(args);
        if (arguments.positional().size() != 2 || !arguments.positional().get(0).equals("import")) {
            throw new UsageException("usage: parley catalog import FILE.csv|FILE.json");
        }
        Path file = Path.of(arguments.positional().get(1));
        try (InputStream input = Files.newInputStream(file)) {
            List<Product> products = file.toString().endsWith(".json")
                    ? importer.readJson(input) : importer.readCsv(input);
            catalog.saveAll(products);
            out.printf("{\"imported\": %d, \"catalogue_size\": %d}%n", products.size(), catalog.size());
            return 0;
        } catch (CatalogImportException e) {
            e.problems().forEach(err::println);
            return 1;
        }
    }
}
