package dev.parley.offers.decision;

import java.util.List;

/** An offer chosen for a slot, with everything the log and the explanation need. */
public record RankedOffer(Candidate candidate, int position, double[] features, double score, double propensity,
                          boolean explored, String explanation, List<String> reasons) {
}
