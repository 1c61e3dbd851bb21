package dev.parley.offers.offer;

import java.util.List;

/** Offer definitions that cannot be read; {@link #problems()} names each bad entry and why. */
public class OfferDefinitionException extends RuntimeException {

    private final List<String> problems;

    public OfferDefinitionException(List<String> problems) {
        super(problems.size() + " invalid offer definition(s): "
                + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
