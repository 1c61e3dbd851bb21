package dev.parley.nlu.classify;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The operating point learned with the model.
 *
 * @param outOfScope        a message whose top in-scope confidence times its cosine similarity to the nearest
 *                          in-scope training example is below this is out of scope
 * @param ambiguityMargin   a message whose top two confidences differ by less than this is ambiguous
 * @param rejectionBudget   share of in-scope held-out messages the out-of-scope threshold was allowed to reject
 * @param heldOut           where the thresholds were learned: {@code validation} or {@code cross-validation-K}
 */
@Serdeable
public record Thresholds(double outOfScope, double ambiguityMargin, double rejectionBudget, String heldOut) {
}
