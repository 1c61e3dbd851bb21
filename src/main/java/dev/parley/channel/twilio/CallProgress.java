package dev.parley.channel.twilio;

import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;

/**
 * Where a call stands, carried in the query string of each Gather's action URL (which Twilio signs, so a caller
 * cannot change it): the turn number (with the CallSid it is the message id that deduplicates a retried webhook),
 * poorly recognised turns in a row, and silent turns in a row.
 */
record CallProgress(int turn, int lowConfidence, int silences) {

    static final CallProgress FIRST = new CallProgress(1, 0, 0);

    static CallProgress of(@Nullable String turn, @Nullable String lowConfidence, @Nullable String silences) {
        return new CallProgress(count("turn", turn, 1), count("low", lowConfidence, 0), count("silence", silences, 0));
    }

    String query() {
        return "turn=" + turn + "&low=" + lowConfidence + "&silence=" + silences;
    }

    /** The message id of this turn's speech. */
    String messageId(String callSid) {
        return callSid + ":" + turn;
    }

    private static int count(String name, @Nullable String value, int min) {
        if (value == null) {
            throw ApiException.badRequest("missing_parameter", name + " is required");
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameter", name + " must be a whole number from " + min);
        }
    }
}
