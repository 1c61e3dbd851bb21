package dev.parley.dialogue;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code parley.dialogue.*}.
 *
 * @param maxConsecutiveFailures after this many turns in a row without understanding (out of scope, ambiguous,
 *                               a slot still missing), the conversation is marked as needing a person
 * @param didYouMeanOptions      how many intents a "Did you mean ...?" offers at most
 */
@ConfigurationProperties("parley.dialogue")
public record DialogueSettings(@Bindable(defaultValue = "2") int maxConsecutiveFailures,
                               @Bindable(defaultValue = "3") int didYouMeanOptions) {

    public static final DialogueSettings DEFAULTS = new DialogueSettings(2, 3);

    public DialogueSettings {
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("parley.dialogue.max-consecutive-failures must be at least 1");
        }
        if (didYouMeanOptions < 2) {
            throw new IllegalArgumentException("parley.dialogue.did-you-mean-options must be at least 2");
        }
    }
}
