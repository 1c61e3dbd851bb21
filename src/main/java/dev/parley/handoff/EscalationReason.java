package dev.parley.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a conversation goes to a person: a stable code and a detail for the agent ({@code uncertain_turns:
 * out_of_scope x2}). Written into the conversation's needs-human mark as {@code code: detail; code: detail}.
 */
@Serdeable
public record EscalationReason(String code, @Nullable String detail) {

    public static final String EXPLICIT_REQUEST = "explicit_request";
    public static final String UNCERTAIN_TURNS = "uncertain_turns";
    public static final String UNRESOLVED_AMBIGUITY = "unresolved_ambiguity";
    public static final String NEGATIVE_SENTIMENT = "negative_sentiment";
    public static final String COMPLAINT = "complaint";
    public static final String REPEATED_QUESTION = "repeated_question";
    public static final String BUSINESS_RULE = "business_rule";
    /** A reason some other part of Parley gave (a channel, the dialogue), kept as it was written. */
    public static final String OTHER = "other";

    private static final String SEPARATOR = "; ";

    @Override
    public String toString() {
        return detail == null || detail.isBlank() ? code : code + ": " + detail;
    }

    /** The reasons of a needs-human mark; a mark not written by the policy becomes one {@link #OTHER} reason. */
    public static List<EscalationReason> parse(@Nullable String mark) {
        List<EscalationReason> reasons = new ArrayList<>();
        if (mark == null || mark.isBlank()) {
            return reasons;
        }
        for (String part : mark.split(SEPARATOR)) {
            int colon = part.indexOf(": ");
            String code = colon < 0 ? part.trim() : part.substring(0, colon).trim();
            String detail = colon < 0 ? null : part.substring(colon + 2).trim();
            if (!code.matches("[a-z_]+")) {
                reasons.add(new EscalationReason(OTHER, part.trim()));
            } else {
                reasons.add(new EscalationReason(code, detail));
            }
        }
        return reasons;
    }

    static String join(List<EscalationReason> reasons) {
        return String.join(SEPARATOR, reasons.stream().map(EscalationReason::toString).toList());
    }
}
