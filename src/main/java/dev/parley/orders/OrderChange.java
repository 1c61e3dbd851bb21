package dev.parley.orders;

/**
 * The outcome of a requested change: {@code APPLIED}, or why not.
 *
 * @param order the order after the attempt
 */
public record OrderChange(Outcome outcome, Order order) {

    public enum Outcome {
        APPLIED,
        /** it has shipped, or was cancelled: too late */
        TOO_LATE,
        /** a customer's order, and the shopper is not that customer */
        NOT_OWNER
    }
}
