package dev.parley.catalog;

import java.util.List;

/** A catalogue file with bad rows; {@link #problems()} lists each as "row N: reason". */
public class CatalogImportException extends RuntimeException {

    private final List<String> problems;

    public CatalogImportException(List<String> problems) {
        super(problems.size() + " bad row(s): " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
