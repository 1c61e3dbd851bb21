package dev.parley.offers;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The result of reporting an outcome.
 *
 * @param learned true when the model learnt from it (the first outcome of a decision); a later one, e.g.
 *                redeemed after accepted, is recorded for caps and budgets only
 */
@Serdeable
public record RewardReceipt(String decisionId, String offerId, String outcome, double reward, boolean learned) {
}
