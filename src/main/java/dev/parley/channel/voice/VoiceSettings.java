package dev.parley.channel.voice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code parley.voice.*}: how replies are spoken on Alexa and the phone line.
 *
 * @param maxCharacters     a spoken answer keeps whole sentences up to about this many characters
 * @param reprompt          said when the shopper stays silent and the answer asked no question
 * @param offerIntro        leads into an offer's one sentence
 * @param offerQuestion     the yes/no question after an offer
 * @param choicesIntro      leads into the suggested answers in a reprompt ("You can say ...")
 */
@ConfigurationProperties("parley.voice")
public record VoiceSettings(@Bindable(defaultValue = "600") int maxCharacters,
                            @Bindable(defaultValue = "What else can I do for you?") String reprompt,
                            @Bindable(defaultValue = "I also have an offer for you:") String offerIntro,
                            @Bindable(defaultValue = "Would you like it?") String offerQuestion,
                            @Bindable(defaultValue = "You can say") String choicesIntro) {
}
