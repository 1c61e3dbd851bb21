package dev.parley.dialogue;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * {@code parley.dialogue.offers.*}: when the dialogue asks the personalization engine for offers.
 *
 * @param enabled     off: turns are neither reported to the engine nor answered with offers
 * @param intents     intents whose answer is followed by offers (deals, searches, life events, and the problems
 *                    that get a service-recovery gesture instead of a sales offer)
 * @param slots       how many offer cards a text channel shows at most
 * @param voiceSlots  how many a voice channel speaks (one sentence each)
 */
@ConfigurationProperties("parley.dialogue.offers")
public record DialogueOfferSettings(@Bindable(defaultValue = "true") boolean enabled,
                                    List<String> intents,
                                    @Bindable(defaultValue = "2") int slots,
                                    @Bindable(defaultValue = "1") int voiceSlots) {

    public DialogueOfferSettings {
        intents = intents == null ? List.of() : List.copyOf(intents);
        if (slots < 1 || voiceSlots < 1) {
            throw new IllegalArgumentException("parley.dialogue.offers.slots and voice-slots must be at least 1");
        }
    }
}
