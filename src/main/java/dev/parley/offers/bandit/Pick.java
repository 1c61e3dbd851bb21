package dev.parley.offers.bandit;

/**
 * One chosen action.
 *
 * @param index      index of the candidate
 * @param propensity the probability with which it was chosen for this slot, given the slots before it
 * @param explored   true when the exploration branch picked it rather than the best score
 */
public record Pick(int index, double propensity, boolean explored) {
}
