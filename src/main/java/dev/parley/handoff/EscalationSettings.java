package dev.parley.handoff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code parley.handoff.policy.*}: when the bot hands a conversation to a person. Each rule can be switched off.
 *
 * @param uncertainTurns              turns in a row the bot did not understand (out of scope, ambiguous, a slot
 *                                    still missing, or a voice message heard badly) before a person takes over;
 *                                    0 switches the rule off
 * @param unresolvedAmbiguity         escalate when the turn after a "Did you mean ...?" is not understood either
 * @param minRecognitionConfidence    a voice message recognised with less confidence counts as not understood
 * @param requestIntents              intents that ask for a person
 * @param requestKeywords             a message made only of these words (and "please") asks for a person
 * @param requestPayloads             on voice channels, payloads that ask for a person (DTMF 0)
 * @param complaintIntents            intents that are complaints: always escalated
 * @param negativeSentiment           a sentiment score at or below this escalates (-1..1)
 * @param highValueNegativeSentiment  the same for high-value shoppers: higher, so they reach a person earlier
 * @param highValueClv                a lifetime-value estimate from which a shopper is high-value
 * @param highValueSegments           value segments that are high-value whatever the estimate
 * @param repeatedQuestion            the same question asked again this many times right after its answer
 *                                    escalates; 0 switches the rule off
 * @param repetitionIgnoredIntents    intents that are not questions (greetings, thanks, yes / no)
 * @param alwaysEscalateIntents       business rules: these intents always go to a person (payment problems)
 */
@ConfigurationProperties("parley.handoff.policy")
public record EscalationSettings(
        @Bindable(defaultValue = "2") int uncertainTurns,
        @Bindable(defaultValue = "true") boolean unresolvedAmbiguity,
        @Bindable(defaultValue = "0.5") double minRecognitionConfidence,
        @Bindable(defaultValue = "talk_to_human") List<String> requestIntents,
        @Bindable(defaultValue = "agent,human,person,operator,representative") List<String> requestKeywords,
        @Bindable(defaultValue = "0") List<String> requestPayloads,
        @Bindable(defaultValue = "complaint") List<String> complaintIntents,
        @Bindable(defaultValue = "-0.6") double negativeSentiment,
        @Bindable(defaultValue = "-0.3") double highValueNegativeSentiment,
        @Bindable(defaultValue = "1000") double highValueClv,
        @Bindable(defaultValue = "vip") List<String> highValueSegments,
        @Bindable(defaultValue = "1") int repeatedQuestion,
        @Bindable(defaultValue = "greet,goodbye,thanks,affirm,deny,help,chitchat") List<String>
                repetitionIgnoredIntents,
        @Bindable(defaultValue = "payment_problem") List<String> alwaysEscalateIntents) {

    public static final EscalationSettings DEFAULTS = new EscalationSettings(2, true, 0.5, null, null, null, null,
            -0.6, -0.3, 1000, null, 1, null, null);

    public EscalationSettings {
        requestIntents = names(requestIntents, "talk_to_human");
        requestKeywords = names(requestKeywords, "agent,human,person,operator,representative");
        requestPayloads = requestPayloads == null ? List.of("0") : List.copyOf(requestPayloads);
        complaintIntents = names(complaintIntents, "complaint");
        highValueSegments = names(highValueSegments, "vip");
        repetitionIgnoredIntents = names(repetitionIgnoredIntents, "greet,goodbye,thanks,affirm,deny,help,chitchat");
        alwaysEscalateIntents = names(alwaysEscalateIntents, "payment_problem");
        if (uncertainTurns < 0 || repeatedQuestion < 0) {
            throw new IllegalArgumentException("parley.handoff.policy counts must be 0 (off) or more");
        }
        if (highValueNegativeSentiment < negativeSentiment) {
            throw new IllegalArgumentException("parley.handoff.policy.high-value-negative-sentiment must not be below"
                    + " negative-sentiment: high-value shoppers reach a person earlier, not later");
        }
    }

    Set<String> requestKeywordSet() {
        return Set.copyOf(requestKeywords);
    }

    /** Configured names in lower snake_case (configuration keys may arrive kebab-cased). */
    private static List<String> names(List<String> configured, String defaults) {
        List<String> source = configured == null ? List.of(defaults.split(",")) : configured;
        return source.stream().map(name -> name.trim().replace('-', '_').toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).distinct().collect(Collectors.toUnmodifiableList());
    }
}
